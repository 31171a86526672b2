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
  InvitationGrant,
  Invitations,
  Job,
  JobHandler,
  JobOptions,
  JobQueue,
  OfflineMessageInput,
} from '../lib/kernel-services';
import type { AttachmentContent, ContactAttachments, ContactFile, ContactFileSent } from '../lib/contact-attachments';
import { DomainException, ErrorCode, type Invitation } from '@switchboard/contracts';

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
      messages: mine.map((m, i) => ({ id: `message-${i + 1}`, clientId: m.externalMessageId, direction: 'in', authorName: m.contactName ?? null, body: m.body, attachments: [], createdAt: new Date(0).toISOString() })),
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

  async openOf(channelId: string, contacts: ReadonlyArray<Omit<ContactRef, 'channelId'>>) {
    const open = await Promise.all(contacts.map(async (c) => ({ contact: c, conversation: await this.current({ channelId, ...c }) })));
    return open.flatMap(({ contact, conversation }) =>
      conversation ? [{ ...contact, interactionId: conversation.interactionId, contactName: conversation.messages[0]?.authorName ?? null }] : [],
    );
  }
}

/** Invitations a test makes: codes `code-1`, `code-2`…; `spent` ones no longer check. */
export class FakeInvitations implements Invitations {
  readonly made: Array<{ channelId: string; accountId: string; agentId: string; reusable: boolean; code: string }> = [];
  readonly spent = new Set<string>();

  async create(input: { channelId: string; accountId: string; agentId: string; reusable: boolean }): Promise<{ invitation: Invitation; code: string }> {
    const code = `code-${this.made.length + 1}`;
    this.made.push({ ...input, code });
    const invitation: Invitation = {
      id: `invitation-${this.made.length}`,
      url: `https://chat.example.com/chat/invite/${code}`,
      siteId: input.accountId,
      siteName: input.accountId,
      agentId: input.agentId,
      agentName: `Agent ${input.agentId}`,
      reusable: input.reusable,
      uses: 0,
      valid: true,
      createdAt: new Date(0).toISOString(),
      lastUsedAt: null,
      invalidatedAt: null,
    };
    return { invitation, code };
  }

  async check(channelId: string, accountId: string, code: string): Promise<InvitationGrant | null> {
    const made = this.made.find((m) => m.code === code && m.channelId === channelId && m.accountId === accountId);
    return made && !this.spent.has(code) ? { invitationId: `invitation-${this.made.indexOf(made) + 1}`, agentId: made.agentId, agentName: `Agent ${made.agentId}` } : null;
  }
}

/**
 * Files contacts send, kept in memory with their contact: any content is accepted up to
 * `maxBytes` (the real kernel judges types); a contact without a conversation is refused like
 * the kernel refuses it (CONFLICT), and only the sender opens a file.
 */
export class FakeContactAttachments implements ContactAttachments {
  maxBytes = 1024 * 1024;
  readonly sent: Array<{ contact: ContactRef; file: ContactFile; content: AttachmentContent }> = [];

  constructor(private readonly conversations: FakeContactConversations) {}

  async send(contact: ContactRef, file: ContactFile): Promise<ContactFileSent> {
    const conversation = await this.conversations.current(contact);
    if (!conversation) throw new DomainException(ErrorCode.Conflict, 'No conversation is open: start one first');
    const earlier = this.sent.find((s) => s.contact.contactAddress === contact.contactAddress && s.file.clientId === file.clientId);
    const content = earlier?.content ?? { id: `attachment-${this.sent.length + 1}`, name: file.fileName, mediaType: 'application/octet-stream', size: file.data.length, data: file.data };
    if (!earlier) this.sent.push({ contact, file, content });
    const { data: _data, ...attachment } = content;
    return {
      interactionId: conversation.interactionId,
      message: { id: `file-message-${content.id}`, clientId: file.clientId, direction: 'in', authorName: null, body: '', attachments: [attachment], createdAt: new Date(0).toISOString() },
      duplicate: Boolean(earlier),
    };
  }

  async open(contact: ContactRef, attachmentId: string): Promise<AttachmentContent | null> {
    return this.sent.find((s) => s.content.id === attachmentId && s.contact.accountId === contact.accountId && s.contact.contactAddress === contact.contactAddress)?.content ?? null;
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
