import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConversationsModule } from '@switchboard/conversations';
import { CONTACT_ATTACHMENTS, CONTACT_CONVERSATIONS, INTERACTION_INTAKE, INVITATIONS } from '@switchboard/plugin-sdk';
import { QueuesModule } from '@switchboard/queues';
import { Arbiter } from './arbiter/arbiter';
import { ContactAttachmentsService } from './attachments/contact-attachments.service';
import { DeskAttachments } from './attachments/desk-attachments';
import { DeskAttachmentsController } from './attachments/desk-attachments.controller';
import { RoutingClock } from './clock/routing-clock';
import { ContactConversationsService } from './conversation/contact-conversations.service';
import { DeskMessages } from './conversation/desk-messages';
import { DeskController } from './controllers/desk.controller';
import { PresenceController } from './controllers/presence.controller';
import { RoutingSettingsController } from './controllers/routing-settings.controller';
import { RulesController } from './controllers/rules.controller';
import { Dispatcher } from './dispatch/dispatcher';
import { RoutingTargets } from './dispatch/routing-targets';
import { InteractionIntakeService } from './intake/interaction-intake.service';
import { TransferTargetsService } from './offers/transfer-targets';
import { DeskService } from './offers/desk.service';
import { OfferActions } from './offers/offer-actions';
import { OfferStore } from './offers/offer-store';
import { OfflineMessagesService } from './offline/offline-messages.service';
import { ROUTING_OPTIONS, type RoutingOptions } from './ports';
import { AgentStateStore } from './presence/agent-state';
import { PresenceService } from './presence/presence.service';
import { RoutingNotices } from './routing-notices';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { RulesService } from './rules/rules.service';
import { PauseReasonsService } from './settings/pause-reasons.service';
import { RoutingSettingsService } from './settings/routing-settings.service';

/**
 * Presence, routing rules, strategies, the arbiter, offers and their timers (ARCHITECTURE.md
 * sections 3 and 5) and chat invitations. Provides the kernel's INTERACTION_INTAKE, CONTACT_CONVERSATIONS, CONTACT_ATTACHMENTS and INVITATIONS to channel plugins (global).
 * Uses an optional CHANNEL_HOOKS (the plugin host) to reach contacts and deliver agents' messages.
 * Uses USER_NOTIFIER (staff's port) for agents' socket events, and an optional CONNECTED_AGENTS
 * from the kernel's socket gateway for presence.
 */
@Global()
@Module({})
export class RoutingModule {
  static forRoot(options: RoutingOptions): DynamicModule {
    return {
      module: RoutingModule,
      imports: [ConversationsModule, QueuesModule],
      controllers: [PresenceController, RoutingSettingsController, RulesController, DeskController, InvitationsController, DeskAttachmentsController],
      providers: [
        { provide: ROUTING_OPTIONS, useValue: options },
        Arbiter,
        OfferStore,
        AgentStateStore,
        RoutingNotices,
        RoutingSettingsService,
        PauseReasonsService,
        RulesService,
        RoutingTargets,
        Dispatcher,
        OfferActions,
        DeskService,
        TransferTargetsService,
        PresenceService,
        OfflineMessagesService,
        InteractionIntakeService,
        { provide: INTERACTION_INTAKE, useExisting: InteractionIntakeService },
        DeskMessages,
        ContactConversationsService,
        { provide: CONTACT_CONVERSATIONS, useExisting: ContactConversationsService },
        DeskAttachments,
        ContactAttachmentsService,
        { provide: CONTACT_ATTACHMENTS, useExisting: ContactAttachmentsService },
        InvitationsService,
        { provide: INVITATIONS, useExisting: InvitationsService },
        RoutingClock,
      ],
      exports: [INTERACTION_INTAKE, CONTACT_CONVERSATIONS, CONTACT_ATTACHMENTS, INVITATIONS, PresenceService, OfferActions, DeskService, DeskMessages, RoutingClock],
    };
  }
}
