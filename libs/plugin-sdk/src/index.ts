export * from './lib/channel-plugin';
export * from './lib/kernel-services';
export * from './lib/contact-attachments';
export * from './lib/attachment-http';
export * from './lib/define-channel-plugin';
export * from './lib/manifest-validation';
export * from './lib/public-route';
export * from './lib/signed-in-staff';
