export * from './lib/channel-plugin';
export * from './lib/kernel-services';
export * from './lib/define-channel-plugin';
export * from './lib/manifest-validation';
export * from './lib/public-route';
