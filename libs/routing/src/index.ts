import { CreateRouting1764000200000 } from './lib/migrations/1764000200000-createRouting';
import { SeparateAgentBeats1764000300100 } from './lib/migrations/1764000300100-separateAgentBeats';
import { CreateInvitations1764000700100 } from './lib/migrations/1764000700100-createInvitations';

export { RoutingModule } from './lib/routing.module';
export { PresenceService } from './lib/presence/presence.service';
export { OfferActions } from './lib/offers/offer-actions';
export { DeskService } from './lib/offers/desk.service';
export { RoutingClock } from './lib/clock/routing-clock';
export { DeskMessages, REPLY_MAX } from './lib/conversation/desk-messages';
export { INVITATION_PAGE_ROUTE } from './lib/invitations/invitations.controller';
export { CHANNEL_HOOKS, CONNECTED_AGENTS, type AgentSignal, type ChannelHooks, type ConnectedAgents, type RoutingOptions } from './lib/ports';

/** This module's migrations (after queues' and conversations'). */
export const routingMigrations = [CreateRouting1764000200000, SeparateAgentBeats1764000300100, CreateInvitations1764000700100];
