/**
 * The BullMQ queue every kernel and plugin job goes through; jobs are told apart by name.
 * Kernel job names are added here as modules gain jobs; plugins name theirs
 * `<pluginId>.<job>` so names never clash.
 */
export const KERNEL_QUEUE = 'switchboard';
