import { Inject, Injectable, Optional } from '@nestjs/common';
import { ConsoleModule, DomainException, ErrorCode, hasPermission, Permission, type CurrentUser, type InteractionMessage } from '@switchboard/contracts';
import { AttachmentPolicy, AttachmentsService, InteractionsService, type AttachmentContent } from '@switchboard/conversations';
import { DeskMessages } from '../conversation/desk-messages';
import { notYours } from '../offers/offer-actions';
import { CHANNEL_HOOKS, type ChannelHooks } from '../ports';
import { RoutingNotices } from '../routing-notices';

/** An agent's file as the console uploaded it. */
export interface AgentUpload {
  /** The console's own id of the message: sent again, nothing new is stored or sent. */
  clientId: string;
  fileName: string;
  data: Buffer;
}

const notFound = () => new DomainException(ErrorCode.NotFound, 'Attachment not found');

/**
 * The agent's files: one sent in the interaction they hold becomes their message (checked by the
 * attachment policy, stored with it in one step) and goes out like a reply, through the
 * channel's delivery job; a download is for whoever may read the interaction's messages (held or
 * offered, as the messages endpoint), or its transcript in history.
 */
@Injectable()
export class DeskAttachments {
  constructor(
    private readonly policy: AttachmentPolicy,
    private readonly files: AttachmentsService,
    private readonly interactions: InteractionsService,
    private readonly desk: DeskMessages,
    private readonly notices: RoutingNotices,
    @Optional() @Inject(CHANNEL_HOOKS) private readonly hooks?: ChannelHooks,
  ) {}

  async send(agent: CurrentUser, interactionId: string, upload: AgentUpload): Promise<InteractionMessage> {
    const file = this.policy.accept(upload.fileName, upload.data);
    const stored = await this.files.storeOutbound({ interactionId, agentId: agent.id, authorName: agent.fullName || agent.username, clientId: upload.clientId, file });
    if (!stored) throw notYours();
    if (!stored.duplicate) {
      await this.hooks?.deliver(stored.message.id);
      this.notices.send(agent.id, 'interaction.message', { interactionId, message: stored.message });
    }
    return stored.message;
  }

  async open(viewer: CurrentUser, interactionId: string, attachmentId: string): Promise<AttachmentContent> {
    if (!(await this.mayRead(viewer, interactionId))) throw notYours();
    const file = await this.files.openOfInteraction(interactionId, attachmentId);
    if (!file) throw notFound();
    return file;
  }

  private async mayRead(viewer: CurrentUser, interactionId: string): Promise<boolean> {
    if (await this.desk.readable(viewer.id, interactionId).then(() => true, () => false)) return true;
    // History's rule: an agent's own past interactions, everyone's for those who may read all.
    const interaction = await this.interactions.get(interactionId);
    return Boolean(
      interaction && hasPermission(viewer, `module.${ConsoleModule.History}`) && (interaction.agentId === viewer.id || hasPermission(viewer, Permission.InteractionsReadAll)),
    );
  }
}
