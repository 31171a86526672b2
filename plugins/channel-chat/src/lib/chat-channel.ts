import { Injectable } from '@nestjs/common';
import type { ChatInvite, ChatMessage, ChatServerEvents } from '@switchboard/contracts';
import type { AgentActivity, ChannelPlugin, InteractionRef, OutboundMessage, SendResult } from '@switchboard/plugin-sdk';
import type { Namespace } from 'socket.io';
import { chatManifest } from './chat-manifest';
import { visitorRoom } from './visitor-identity';

/**
 * The web chat's ChannelPlugin: an agent's message, and what the agent does, reach every tab of
 * the visitor on any node (the socket server's adapter fans out). A visitor who is away reads
 * the message from the stored conversation when they come back.
 */
@Injectable()
export class ChatChannel implements ChannelPlugin {
  readonly manifest = chatManifest;
  private namespace?: Namespace<Record<string, never>, ChatServerEvents>;

  /** The visitor namespace, once the gateway is up. */
  attach(namespace: Namespace<Record<string, never>, ChatServerEvents>): void {
    this.namespace = namespace;
  }

  async send(interaction: InteractionRef, message: OutboundMessage): Promise<SendResult> {
    this.to(interaction)?.emit('chat.message', {
      interactionId: interaction.id,
      id: message.id,
      clientId: null,
      from: 'agent',
      authorName: message.authorName ?? null,
      body: message.body,
      attachments: message.attachments ?? [],
      at: new Date().toISOString(),
    });
    return { providerMessageId: message.id };
  }

  async onAgentActivity(interaction: InteractionRef, activity: AgentActivity): Promise<void> {
    const visitor = this.to(interaction);
    if (activity.kind === 'answered') visitor?.emit('chat.state', { interactionId: interaction.id, state: 'active', agentName: activity.agentName || null });
    else if (activity.kind === 'typing') visitor?.emit('chat.typing', { typing: activity.typing, name: activity.agentName || null });
    else visitor?.emit('chat.read', { upTo: activity.upTo });
  }

  async onInteractionClosed(interaction: InteractionRef): Promise<void> {
    this.to(interaction)?.emit('chat.state', { interactionId: interaction.id, state: 'ended', agentName: null });
  }

  /** Shows a proactive invitation on every tab of a browsing visitor. */
  invite(siteId: string, visitorId: string, invite: ChatInvite): void {
    this.namespace?.to(visitorRoom(siteId, visitorId)).emit('chat.invite', invite);
  }

  /** A visitor's own new message (a file sent over HTTP) on every tab of theirs. */
  shareVisitorMessage(siteId: string, contactAddress: string, message: ChatMessage & { interactionId: string }): void {
    this.namespace?.to(visitorRoom(siteId, contactAddress)).emit('chat.message', message);
  }

  private to(interaction: InteractionRef) {
    return this.namespace?.to(visitorRoom(interaction.accountId, interaction.contactAddress));
  }
}
