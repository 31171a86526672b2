import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactEntity } from './contacts/contact.entity';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsService } from './contacts/contacts.service';
import { HistoryController } from './history/history.controller';
import { HistoryService } from './history/history.service';
import { InteractionsService } from './interactions/interactions.service';
import { MessagesService } from './messages/messages.service';

/**
 * Contacts, and interactions with their messages and events (the router drives their state). Uses an optional
 * CONTACT_BROADCAST from a global module to tell consoles about changes.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ContactEntity])],
  controllers: [ContactsController, HistoryController],
  providers: [ContactsService, InteractionsService, HistoryService, MessagesService],
  exports: [ContactsService, InteractionsService, MessagesService],
})
export class ConversationsModule {}
