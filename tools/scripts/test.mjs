// `npm test`: the whole server-side suite (unit, integration, API end-to-end) on the embedded
// database; then, when DATABASE_URL and/or REDIS_URL are set, the same suite against them.
// Extra arguments go to Jest (e.g. `npm test -- libs/jobs`).
import { installIfNeeded, jest } from './workspace.mjs';

installIfNeeded();
const args = ['--maxWorkers=2', ...process.argv.slice(2)];
const { DATABASE_URL, REDIS_URL, ...embeddedEnv } = process.env;

console.log('\n== Suite on the embedded database (PGlite, in-process jobs)\n');
jest(args, embeddedEnv);

if (DATABASE_URL || REDIS_URL) {
  console.log(`\n== Suite in server mode (${[DATABASE_URL && 'PostgreSQL', REDIS_URL && 'Redis'].filter(Boolean).join(' + ')})\n`);
  jest(args, process.env);
}
