import type { ChatConversation, ChatMessage } from '@switchboard/contracts';
import type { ContactConversation, ConversationMessage } from '@switchboard/plugin-sdk';

/** A stored message as the widget shows it. */
export const toChatMessage = (m: ConversationMessage): ChatMessage => ({
  id: m.id,
  clientId: m.direction === 'in' ? m.clientId : null,
  from: m.direction === 'in' ? 'visitor' : 'agent',
  authorName: m.authorName,
  body: m.body,
  attachments: m.attachments,
  at: m.createdAt,
});

/** A plugin's view of a conversation as the widget shows it. */
export function toChatConversation(conversation: ContactConversation): ChatConversation {
  const ended = conversation.status === 'closed' || conversation.status === 'abandoned';
  return {
    interactionId: conversation.interactionId,
    state: ended ? 'ended' : conversation.status === 'active' ? 'active' : 'waiting',
    agentName: conversation.agentName,
    messages: conversation.messages.map(toChatMessage),
  };
}
