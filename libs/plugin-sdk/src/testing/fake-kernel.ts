import type {
  ChannelAccount,
  ChannelAccounts,
  ContactActivity,
  ContactConversation,
  ContactConversations,
  ContactOrigin,
  ContactRef,
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

/** Accounts a test puts in place by hand (with the public key `byKey` finds them by, if any). */
export class InMemoryChannelAccounts implements ChannelAccounts {
  private readonly accounts = new Map<string, { account: ChannelAccount; key?: string }>();

  put(account: ChannelAccount, key?: string): void {
    this.accounts.set(`${account.channelId}:${account.id}`, { account, key });
  }

  async get<T>(channelId: string, accountId: string): Promise<ChannelAccount<T> | null> {
    return (this.accounts.get(`${channelId}:${accountId}`)?.account as ChannelAccount<T> | undefined) ?? null;
  }

  async byKey<T>(channelId: string, key: string): Promise<ChannelAccount<T> | null> {
    const found = [...this.accounts.values()].find((entry) => entry.account.channelId === channelId && entry.key === key && entry.account.enabled);
    return (found?.account as ChannelAccount<T> | undefined) ?? null;
  }

  async list<T>(channelId: string): Promise<Array<ChannelAccount<T>>> {
    return [...this.accounts.values()].map((entry) => entry.account).filter((a) => a.channelId === channelId) as Array<ChannelAccount<T>>;
  }
}

/** A contact's conversations as the fake intake stored them: messages in, agents' replies added by the test. */
export class FakeContactConversations implements ContactConversations {
  readonly conversations = new Map<string, ContactConversation>();
  readonly activities: Array<{ interactionId: string; activity: ContactActivity }> = [];
  readonly ratings: Array<{ interactionId: string; rating: number; comment?: string }> = [];
  readonly transcripts: Array<{ interactionId: string; email: string }> = [];
  readonly ended: ContactRef[] = [];

  constructor(private readonly intake: FakeInteractionIntake) {}

  async current(contact: ContactRef): Promise<ContactConversation | null> {
    const mine = this.intake.received.filter((m) => m.channelId === contact.channelId && m.accountId === contact.accountId && m.contactAddress === contact.contactAddress);
    if (!mine.length || this.ended.some((e) => e.contactAddress === contact.contactAddress)) return null;
    return {
      interactionId: `interaction-${contact.contactAddress}`,
      status: 'waiting',
      agentName: null,
      messages: mine.map((m, i) => ({ id: `message-${i + 1}`, clientId: m.externalMessageId, direction: 'in', authorName: m.contactName ?? null, body: m.body, createdAt: new Date(0).toISOString() })),
    };
  }

  async get(contact: ContactRef, interactionId: string): Promise<ContactConversation | null> {
    const conversation = await this.current(contact);
    return conversation?.interactionId === interactionId ? conversation : null;
  }

  async activity(_contact: ContactRef, interactionId: string, activity: ContactActivity): Promise<void> {
    this.activities.push({ interactionId, activity });
  }

  async end(contact: ContactRef): Promise<void> {
    this.ended.push(contact);
  }

  async rate(_contact: ContactRef, interactionId: string, rating: number, comment?: string): Promise<void> {
    this.ratings.push({ interactionId, rating, comment });
  }

  async mailTranscript(_contact: ContactRef, interactionId: string, email: string): Promise<void> {
    this.transcripts.push({ interactionId, email });
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
