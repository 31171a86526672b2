import type { ChatInvite } from '@switchboard/contracts';
import { el } from './dom';
import { fill, type Words } from './i18n';

/**
 * A proactive invitation (an agent asks a browsing visitor to chat): who asks, their words, and
 * the visitor's answer. The agent's words are shown as text.
 */
export function inviteView(t: Words, invite: ChatInvite, answer: (accepted: boolean) => void): HTMLElement {
  const accept = el('button', { type: 'button', class: 'primary', 'data-testid': 'sb-invite-accept', onclick: () => answer(true) }, t.accept);
  return el(
    'div',
    { class: 'invite', role: 'group', 'aria-label': fill(t.invited, { name: invite.agentName }), 'data-testid': 'sb-invite' },
    el('strong', {}, fill(t.invited, { name: invite.agentName })),
    el('p', { 'data-testid': 'sb-invite-message' }, invite.message || t.invitedDefault),
    el('div', { class: 'invite-actions' }, accept, el('button', { type: 'button', 'data-testid': 'sb-invite-dismiss', onclick: () => answer(false) }, t.dismiss)),
  );
}
