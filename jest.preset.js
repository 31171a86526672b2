// Shared Jest settings: every project's jest.config.js calls this with its folder and name.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/.]/g, '\\$&')}$`,
    `<rootDir>/../../${target}`,
  ]),
);

/** Set DATABASE_URL and REDIS_URL to run the suite in server mode (npm test does both modes). */
const serverMode = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

/** @returns {import('jest').Config} */
module.exports = function projectConfig(projectDir, displayName) {
  return {
    displayName,
    rootDir: projectDir,
    testEnvironment: 'node',
    testMatch: [
      '<rootDir>/src/**/*.spec.ts',
      '<rootDir>/src/**/*.e2e-spec.ts',
      // Specs of the server run mode alone (BullMQ, Redis fan-out) need the servers.
      ...(serverMode ? ['<rootDir>/src/**/*.server-spec.ts'] : []),
    ],
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
      // ESM-only dependencies (otplib's base32 and hashing) become CommonJS for Jest;
      // Node itself loads them with require(esm).
      '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
    },
    transformIgnorePatterns: ['^(?!.*/node_modules/(@scure|@noble)/).*/node_modules/'],
    moduleNameMapper,
  };
};
