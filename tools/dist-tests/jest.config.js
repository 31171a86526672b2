// Tests of the built application (run after `nx run-many -t build`): the API as a process,
// and the console in Chromium. Not part of the default suite because they need the build.
const preset = require('../../jest.preset')(__dirname, 'dist-tests');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.dist-spec.ts', '<rootDir>/src/**/*.browser-spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
