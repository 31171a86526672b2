export { JobsModule, type JobsModuleOptions } from './lib/jobs.module';
export { KERNEL_QUEUE } from './lib/job-names';
