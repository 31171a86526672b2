export * from './fake-kernel';
export * from './plugin-testing-module';
export * from './channel-plugin-contract';
export * from './fixtures/echo-channel';
