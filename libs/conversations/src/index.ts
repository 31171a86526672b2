import { CreateContacts1763900300000 } from './lib/migrations/1763900300000-createContacts';

export { ConversationsModule } from './lib/conversations.module';
export { ContactsService } from './lib/contacts/contacts.service';
export { CONTACT_BROADCAST, type ContactBroadcast } from './lib/ports';

export const conversationsMigrations = [CreateContacts1763900300000];
