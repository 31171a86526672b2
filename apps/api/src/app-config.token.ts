import { version } from '../../../package.json';

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('switchboard:AppConfig');

/** The version of this build, from the workspace's package.json. */
export const SWITCHBOARD_VERSION: string = version;
