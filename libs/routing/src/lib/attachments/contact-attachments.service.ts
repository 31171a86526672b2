import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, InteractionStatus, type InteractionMessage } from '@switchboard/contracts';
import { AttachmentPolicy, AttachmentsService, type ThreadRef } from '@switchboard/conversations';
import type { AttachmentContent, ContactAttachments, ContactFile, ContactFileSent, ContactRef, ConversationMessage } from '@switchboard/plugin-sdk';
import { BlacklistService } from '@switchboard/sites';
import { RoutingNotices } from '../routing-notices';

/** A contact's thread (as ContactConversations scopes it): one thread per address. */
const threadOf = (contact: ContactRef): ThreadRef => ({ channel: contact.channelId, accountId: contact.accountId, threadKey: contact.contactAddress });

/** A stored message as a plugin shows it to the contact. */
export const toConversationMessage = (m: InteractionMessage): ConversationMessage => ({
  id: m.id,
  clientId: m.clientId,
  direction: m.direction,
  authorName: m.authorName,
  body: m.body,
  attachments: m.attachments,
  createdAt: m.createdAt,
});

/**
 * The kernel's ContactAttachments (plugin-sdk): a contact's file goes through the checks intake
 * makes of a message (the blacklist, then the attachment policy on its content) and joins their
 * open interaction as a new message; the agent holding it sees it at once. Downloads are scoped
 * to the contact's own thread.
 */
@Injectable()
export class ContactAttachmentsService implements ContactAttachments {
  constructor(
    private readonly policy: AttachmentPolicy,
    private readonly files: AttachmentsService,
    private readonly blacklist: BlacklistService,
    private readonly notices: RoutingNotices,
  ) {}

  get maxBytes(): number {
    return this.policy.maxBytes;
  }

  async send(contact: ContactRef, upload: ContactFile): Promise<ContactFileSent> {
    if (await this.blacklist.isBlocked(upload.remoteIp)) throw new DomainException(ErrorCode.Blocked, 'This address is blocked from starting a chat');
    const file = this.policy.accept(upload.fileName, upload.data);
    const stored = await this.files.storeInbound(threadOf(contact), { clientId: upload.clientId, file });
    if (!stored) throw new DomainException(ErrorCode.Conflict, 'No conversation is open: start one first');
    const { interaction, message } = stored;
    if (!stored.duplicate && interaction.status === InteractionStatus.Active && interaction.agentId) {
      this.notices.send(interaction.agentId, 'interaction.message', { interactionId: interaction.id, message });
    }
    return { interactionId: interaction.id, message: toConversationMessage(message), duplicate: stored.duplicate };
  }

  open(contact: ContactRef, attachmentId: string): Promise<AttachmentContent | null> {
    return this.files.openOfThread(threadOf(contact), attachmentId);
  }
}
