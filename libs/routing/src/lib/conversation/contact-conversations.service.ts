import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, invalidField, InteractionStatus, messageText } from '@switchboard/contracts';
import { MessagesService, type InteractionRow, type ThreadRef } from '@switchboard/conversations';
import { MailService } from '@switchboard/mail';
import type { ContactActivity, ContactConversation, ContactConversations, ContactRef } from '@switchboard/plugin-sdk';
import { UsersService } from '@switchboard/staff';
import { isEmail } from 'class-validator';
import { OfferActions } from '../offers/offer-actions';
import { RoutingNotices } from '../routing-notices';

const notFound = () => new DomainException(ErrorCode.NotFound, 'Conversation not found');

/** A contact's thread: a channel's contacts write on one thread per address (plugins without threads). */
const threadOf = (contact: ContactRef): ThreadRef => ({ channel: contact.channelId, accountId: contact.accountId, threadKey: contact.contactAddress });

/**
 * The kernel's ContactConversations (plugin-sdk): a live channel's contact reads their own
 * conversation, tells the agent they type or read, ends it, rates it and has it mailed. Every
 * call is scoped to the contact's own thread.
 */
@Injectable()
export class ContactConversationsService implements ContactConversations {
  constructor(
    private readonly messages: MessagesService,
    private readonly users: UsersService,
    private readonly actions: OfferActions,
    private readonly notices: RoutingNotices,
    private readonly mail: MailService,
  ) {}

  async current(contact: ContactRef): Promise<ContactConversation | null> {
    const interaction = await this.messages.openOf(threadOf(contact));
    return interaction ? this.view(interaction) : null;
  }

  async get(contact: ContactRef, interactionId: string): Promise<ContactConversation | null> {
    const interaction = await this.messages.ofThread(threadOf(contact), interactionId);
    return interaction ? this.view(interaction) : null;
  }

  async activity(contact: ContactRef, interactionId: string, activity: ContactActivity): Promise<void> {
    const interaction = await this.messages.ofThread(threadOf(contact), interactionId);
    if (!interaction) throw notFound();
    if (interaction.status !== InteractionStatus.Active || !interaction.agentId) return;
    if (activity.kind === 'typing') this.notices.send(interaction.agentId, 'interaction.typing', { interactionId, typing: activity.typing });
    else this.notices.send(interaction.agentId, 'interaction.read', { interactionId, upTo: activity.upTo });
  }

  async end(contact: ContactRef): Promise<void> {
    const interaction = await this.messages.openOf(threadOf(contact));
    if (interaction) await this.actions.abandon(interaction.id);
  }

  async rate(contact: ContactRef, interactionId: string, rating: number, comment?: string): Promise<void> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw invalidField('rating', 'A whole number from 1 to 5');
    const text = comment?.trim().slice(0, 1000) || null;
    const interaction = await this.messages.ofThread(threadOf(contact), interactionId);
    if (!interaction) throw notFound();
    if (!(await this.messages.rate(interactionId, rating, text))) throw new DomainException(ErrorCode.Conflict, 'Only an ended conversation can be rated, once');
  }

  async mailTranscript(contact: ContactRef, interactionId: string, email: string): Promise<void> {
    if (!isEmail(email ?? '')) throw invalidField('email', 'Enter an e-mail address');
    const interaction = await this.messages.ofThread(threadOf(contact), interactionId);
    if (!interaction) throw notFound();
    const lines = (await this.messages.list(interactionId)).map((m) => `[${m.createdAt}] ${m.authorName ?? (m.direction === 'in' ? 'You' : 'Agent')}: ${messageText(m)}`);
    await this.mail.send(email, 'chatTranscript', { date: interaction.createdAt.slice(0, 10), transcript: lines.join('\n') });
  }

  async openOf(channelId: string, contacts: ReadonlyArray<Omit<ContactRef, 'channelId'>>): Promise<Array<Omit<ContactRef, 'channelId'> & { interactionId: string; contactName: string | null }>> {
    const rows = await this.messages.openOfMany(channelId, contacts.map((c) => ({ accountId: c.accountId, threadKey: c.contactAddress })));
    return rows.map((r) => ({ accountId: r.accountId, contactAddress: r.threadKey, interactionId: r.interactionId, contactName: r.contactName }));
  }

  private async view(interaction: InteractionRow): Promise<ContactConversation> {
    const [messages, agent] = await Promise.all([
      this.messages.list(interaction.id),
      interaction.agentId && interaction.status === InteractionStatus.Active ? this.users.summaries([interaction.agentId]) : Promise.resolve([]),
    ]);
    return {
      interactionId: interaction.id,
      status: interaction.status,
      agentName: agent[0]?.fullName ?? null,
      messages: messages.map((m) => ({ id: m.id, clientId: m.clientId, direction: m.direction, authorName: m.authorName, body: m.body, attachments: m.attachments, createdAt: m.createdAt })),
    };
  }
}
