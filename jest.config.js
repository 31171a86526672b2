// The whole server-side suite: unit, integration and API end-to-end specs of every project
// that has a jest.config.js. Browser tests have their own config (tools/browser-tests)
// because they need the built app.
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['apps', 'libs', 'plugins'].flatMap((group) =>
  existsSync(join(__dirname, group))
    ? readdirSync(join(__dirname, group))
        .map((name) => join(__dirname, group, name, 'jest.config.js'))
        .filter((config) => existsSync(config))
    : [],
);

/** @type {import('jest').Config} */
module.exports = { projects, testTimeout: 60_000 };
