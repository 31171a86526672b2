// Builds the embeddable chat widget (`nx run channel-chat:build`): one minified IIFE with
// socket.io-client inside, served by the API as /widget.js. Fails when the gzipped bundle outgrows
// its budget, since every visitor of every customer site downloads it.
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const outfile = resolve(root, 'dist/plugins/channel-chat/widget.js');
const BUDGET = 35 * 1024;

mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [resolve(here, 'src/main.ts')],
  // The tsconfig resolves @switchboard/contracts; the widget imports only its types, which vanish.
  tsconfig: resolve(here, 'tsconfig.json'),
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2019'],
  legalComments: 'none',
  logLevel: 'warning',
});

const raw = readFileSync(outfile);
const gzip = gzipSync(raw, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`widget.js: ${kb(raw.length)} raw, ${kb(gzip)} gzip (budget ${kb(BUDGET)}) -> ${outfile}`);
if (gzip > BUDGET) {
  console.error(`widget.js is over its gzip budget by ${kb(gzip - BUDGET)}`);
  process.exit(1);
}
