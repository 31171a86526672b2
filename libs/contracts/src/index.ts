export * from './lib/error-codes';
export * from './lib/domain-exception';
export * from './lib/auth';
export * from './lib/channels';
export * from './lib/health';
export * from './lib/paging';
export * from './lib/socket-events';
