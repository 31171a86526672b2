import { randomUUID } from 'node:crypto';
import { describeJobQueueBehaviour } from './job-queue-behaviour';

// Server-mode spec: run by `npm test` only when REDIS_URL is set (see jest.preset.js).
const redisUrl = process.env['REDIS_URL'];
if (!redisUrl) throw new Error('bullmq-job-queue.server-spec needs REDIS_URL');

describeJobQueueBehaviour('BullMQ', () => ({ redisUrl, redisPrefix: `sbtest-${randomUUID()}` }));
