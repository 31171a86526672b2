// Shared by start.mjs and test.mjs: the workspace root, running commands, installing when needed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a command in the workspace root; exits with its code when it fails. */
export function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function installIfNeeded() {
  const marker = `${root}/node_modules/.package-lock.json`;
  const lock = `${root}/package-lock.json`;
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
  if (!stale) return;
  console.log('Installing dependencies…');
  // Not `npm ci`: this npm writes locks without other platforms' optional packages, which ci then refuses.
  run('npm', ['install', '--no-audit', '--no-fund']);
}

/** Runs Jest with the flags the suite needs (PGlite loads its WebAssembly through dynamic import). */
export function jest(args, env) {
  run(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', '--ci', ...args], env);
}
