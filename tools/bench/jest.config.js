// Benchmarks: they print figures (and a ratio against a baseline measured in the same run);
// they assert correctness only, never time. Run with `npx nx run tools:bench`.
const preset = require('../../jest.preset')(__dirname, 'bench');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.bench.ts'],
  testTimeout: 600_000,
  maxWorkers: 1,
};
