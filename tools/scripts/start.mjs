// `npm start`: installs if needed, builds the API, the console and the chat widget (Nx caches unchanged ones),
// then runs the API, which serves the console at / on the same port.
import { spawn } from 'node:child_process';
import { installIfNeeded, root, run } from './workspace.mjs';

installIfNeeded();
run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'console', 'channel-chat', '--output-style=static']);

const api = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
