import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const ADMIN = { username: 'admin', password: 'Dist-Test-Password-42' };

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * A server in its own session does not get the runner's Ctrl-C, nor die with a runner that is
 * killed: a shell in the runner's group, deaf to those signals, kills it once the runner is gone.
 */
function killWhenOrphaned(child: ChildProcess): void {
  const watch = `trap '' INT TERM HUP; while kill -0 ${process.pid} 2>/dev/null && kill -0 ${child.pid} 2>/dev/null; do sleep 1; done; kill -0 ${process.pid} 2>/dev/null || kill -9 ${child.pid} 2>/dev/null`;
  spawn('sh', ['-c', watch], { stdio: 'ignore' }).unref();
}

/** Runs the built API as `npm start` does (from the workspace root), and waits for its URL line. */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000, options: { ownSession?: boolean } = {}): Promise<ServerProcess> {
  const port = env['PORT'] ?? String(await freePort());
  // SB_SERVER_NODE_ARGS: extra Node flags for the server, e.g. `--cpu-prof` to profile a benchmark.
  const nodeArgs = process.env['SB_SERVER_NODE_ARGS']?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    // ownSession: its own session, as a service runs. With the kernel's autogroup scheduling a
    // server in the runner's session shares one CPU share with the load generator, while each
    // PostgreSQL backend (a session of its own) has a share to itself.
    detached: options.ownSession ?? false,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ADMIN_PASSWORD: ADMIN.password, PORT: port, ...env },
  });
  if (options.ownSession) killWhenOrphaned(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  // SB_SERVER_OUTPUT: also copy the server's output to this file (e.g. with `--trace-gc`).
  const copy = process.env['SB_SERVER_OUTPUT'];
  if (copy) [child.stdout, child.stderr].forEach((stream) => stream?.on('data', (chunk) => appendFileSync(copy, chunk)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in time:\n${output}`)), timeoutMs);
    const check = () => {
      if (output.includes('Switchboard is running at')) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs the built API expecting it to refuse to start; resolves with its exit code and output. */
export function failedStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => done({ code, stderr }));
  });
}

export async function tempDataDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'sb-dist-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export async function login(url: string, password = ADMIN.password): Promise<Response> {
  return fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: ADMIN.username, password }),
  });
}
