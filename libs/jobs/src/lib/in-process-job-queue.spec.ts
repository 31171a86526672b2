import { describeJobQueueBehaviour } from './job-queue-behaviour';

describeJobQueueBehaviour('in process', () => ({}));
