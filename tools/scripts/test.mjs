// `npm test`: the whole server-side suite (unit, integration, API end-to-end) on the embedded
// database; then, when DATABASE_URL and/or REDIS_URL are set, the same suite against them.
// `--mode=embedded` or `--mode=server` runs one pass only; other arguments go to Jest
// (e.g. `npm test -- libs/jobs`).
import { installIfNeeded, jest, run } from './workspace.mjs';

const modeArg = process.argv.find((arg) => arg.startsWith('--mode='));
const mode = modeArg?.slice('--mode='.length) ?? 'both';
if (!['both', 'embedded', 'server'].includes(mode)) {
  console.error(`--mode must be embedded, server or both (got "${mode}")`);
  process.exit(2);
}
const args = ['--maxWorkers=2', ...process.argv.slice(2).filter((arg) => arg !== modeArg)];
const { DATABASE_URL, REDIS_URL, ...embeddedEnv } = process.env;
const serverConfigured = Boolean(DATABASE_URL || REDIS_URL);
if (mode === 'server' && !serverConfigured) {
  console.error('--mode=server needs DATABASE_URL and/or REDIS_URL');
  process.exit(2);
}

installIfNeeded();
// The API serves the chat widget's script: build it (a second with esbuild) for the specs that fetch it.
run('npx', ['nx', 'run', 'channel-chat:build', '--output-style=static']);

if (mode !== 'server') {
  console.log('\n== Suite on the embedded database (PGlite, in-process jobs)\n');
  jest(args, embeddedEnv);
}
if (mode !== 'embedded' && serverConfigured) {
  console.log(`\n== Suite in server mode (${[DATABASE_URL && 'PostgreSQL', REDIS_URL && 'Redis'].filter(Boolean).join(' + ')})\n`);
  jest(args, process.env);
}
