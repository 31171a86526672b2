import { CreateContacts1763900300000 } from './lib/migrations/1763900300000-createContacts';
import { CreateInteractions1764000100000 } from './lib/migrations/1764000100000-createInteractions';
import { IndexWaitingByRoute1764000300000 } from './lib/migrations/1764000300000-indexWaitingByRoute';
import { IndexDeclinedWaiting1764000300200 } from './lib/migrations/1764000300200-indexDeclinedWaiting';
import { AddSiteRoute1764000400200 } from './lib/migrations/1764000400200-addSiteRoute';
import { SearchMessages1764000400400 } from './lib/migrations/1764000400400-searchMessages';
import { ChatMessages1764000500000 } from './lib/migrations/1764000500000-chatMessages';
import { CreateAttachments1764000600000 } from './lib/migrations/1764000600000-createAttachments';
import { DirectAgentRoute1764000700200 } from './lib/migrations/1764000700200-directAgentRoute';

export { ConversationsModule } from './lib/conversations.module';
export { AttachmentsModule } from './lib/attachments/attachments.module';
export { AttachmentPolicy, type AcceptedFile } from './lib/attachments/attachment-policy';
export { AttachmentsService, type AttachmentContent, type InboundFile, type OutboundFile, type StoredFileMessage } from './lib/attachments/attachments.service';
export { MessagesService, toMessage, type OutboundInput, type StoredReply, type ThreadRef } from './lib/messages/messages.service';
export { ContactsService } from './lib/contacts/contacts.service';
export { CONTACT_BROADCAST, type ContactBroadcast } from './lib/ports';
export { InteractionsService, toSummary, type JoinedInteraction, type OfferOnReceive, type OpeningRoute, type ReceivedInteraction, type ReceiveResult, type StoredInbound } from './lib/interactions/interactions.service';
export {
  InteractionSql,
  toInteractionRow,
  type ChangeEvents,
  type InteractionChange,
  type InteractionEventInput,
  type InteractionRow,
  type RawInteractionRow,
  type WaitingFilter,
} from './lib/interactions/interaction-sql';

export const conversationsMigrations = [CreateContacts1763900300000, CreateInteractions1764000100000, IndexWaitingByRoute1764000300000, IndexDeclinedWaiting1764000300200, AddSiteRoute1764000400200, SearchMessages1764000400400, ChatMessages1764000500000, CreateAttachments1764000600000, DirectAgentRoute1764000700200];
