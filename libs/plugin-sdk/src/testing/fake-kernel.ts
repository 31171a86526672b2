import type {
  ChannelAccount,
  ChannelAccounts,
  ContactOrigin,
  InboundMessage,
  IntakeResult,
  InteractionIntake,
  Job,
  JobHandler,
  JobOptions,
  JobQueue,
  OfflineMessageInput,
} from '../lib/kernel-services';

/** Records what a plugin hands the kernel and dedupes like the real intake does. */
export class FakeInteractionIntake implements InteractionIntake {
  readonly received: InboundMessage[] = [];
  private readonly seen = new Map<string, IntakeResult>();

  async receive(message: InboundMessage): Promise<IntakeResult> {
    const key = `${message.channelId}:${message.accountId}:${message.externalMessageId}`;
    const earlier = this.seen.get(key);
    if (earlier) return { ...earlier, duplicate: true };
    this.received.push(message);
    const result = { interactionId: `interaction-${message.contactAddress}`, messageId: `message-${this.received.length}`, duplicate: false };
    this.seen.set(key, result);
    return result;
  }

  readonly abandoned: string[] = [];
  readonly offlineMessages: OfflineMessageInput[] = [];
  /** What `available` answers; a test flips it to drive the plugin's offline path. */
  agentsAvailable = true;

  async abandon(interactionId: string): Promise<void> {
    this.abandoned.push(interactionId);
  }

  async available(_origin: ContactOrigin): Promise<boolean> {
    return this.agentsAvailable;
  }

  async leaveOfflineMessage(message: OfflineMessageInput): Promise<{ id: string }> {
    this.offlineMessages.push(message);
    return { id: `offline-${this.offlineMessages.length}` };
  }
}

/** Accounts a test puts in place by hand. */
export class InMemoryChannelAccounts implements ChannelAccounts {
  private readonly accounts = new Map<string, ChannelAccount>();

  put(account: ChannelAccount): void {
    this.accounts.set(account.id, account);
  }

  async get<T>(accountId: string): Promise<ChannelAccount<T> | null> {
    return (this.accounts.get(accountId) as ChannelAccount<T> | undefined) ?? null;
  }

  async list<T>(channelId: string): Promise<Array<ChannelAccount<T>>> {
    return [...this.accounts.values()].filter((a) => a.channelId === channelId) as Array<ChannelAccount<T>>;
  }
}

/** Keeps added jobs until the test runs them with `runAll`, so a test controls the timing. */
export class RecordingJobQueue implements JobQueue {
  readonly pending: Array<Job<unknown>> = [];
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly ids = new Set<string>();
  private counter = 0;

  handle<T>(name: string, handler: JobHandler<T>): void {
    if (this.handlers.has(name)) throw new Error(`A handler for job "${name}" is already registered`);
    this.handlers.set(name, handler as JobHandler<unknown>);
  }

  async add<T>(name: string, data: T, options: JobOptions = {}): Promise<void> {
    if (!this.handlers.has(name)) throw new Error(`No handler is registered for job "${name}"`);
    const id = options.jobId ?? `job-${++this.counter}`;
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.pending.push({ id, name, data, attempt: 1 });
  }

  /** Runs every pending job (and jobs they add) once, in order. */
  async runAll(): Promise<void> {
    while (this.pending.length) {
      const job = this.pending.shift() as Job<unknown>;
      await (this.handlers.get(job.name) as JobHandler<unknown>)(job);
    }
  }
}
