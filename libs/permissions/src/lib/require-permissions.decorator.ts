/** The decorator lives in plugin-sdk, so that plugins' routes can require permissions too. */
export { RequirePermissions, REQUIRED_PERMISSIONS } from '@switchboard/plugin-sdk';
