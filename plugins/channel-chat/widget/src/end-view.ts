import type { ChatResult } from '@switchboard/contracts';
import { el } from './dom';
import { fill, type Words } from './i18n';

export interface EndActions {
  /** Sends a request; the answer's error is already shown to the visitor when it fails. */
  ask(event: 'chat.rate' | 'chat.transcript', payload: object): Promise<ChatResult<unknown>>;
  rated(): void;
  newChat(): void;
}

/**
 * What follows a chat: a 1–5 rating with an optional comment (once), the transcript by e-mail,
 * and a way back to a new chat. Built for one ended interaction.
 */
export function endScreen(t: Words, interactionId: string, alreadyRated: boolean, actions: EndActions): HTMLElement {
  const thanks = (text: string, testId: string) => el('p', { class: 'note', role: 'status', tabindex: -1, 'data-testid': testId }, text);
  /** Puts the thank-you where the form was, with the focus (the form's button is gone). */
  const done = (form: HTMLElement, note: HTMLElement) => {
    form.replaceWith(note);
    note.focus();
  };

  let rating = 0;
  const comment = el('textarea', { id: 'sb-rate-comment', rows: 2, maxlength: 1000, 'data-testid': 'sb-rate-comment' });
  const sendRating = el('button', { type: 'button', class: 'primary', disabled: true, 'data-testid': 'sb-rate-send' }, t.rateSend);
  const stars = [1, 2, 3, 4, 5].map((n) =>
    el(
      'button',
      {
        type: 'button',
        class: 'star',
        'aria-label': fill(t.stars, { n }),
        'aria-pressed': 'false',
        'data-testid': `sb-rate-${n}`,
        onclick: () => {
          rating = n;
          stars.forEach((star, i) => {
            star.setAttribute('aria-pressed', String(i + 1 === n));
            star.classList.toggle('on', i < n);
          });
          sendRating.disabled = false;
        },
      },
      '★',
    ),
  );
  const rate = el(
    'div',
    { class: 'rate' },
    el('p', { id: 'sb-rate-title' }, t.rate),
    el('div', { role: 'group', 'aria-labelledby': 'sb-rate-title', class: 'stars' }, ...stars),
    el('label', { for: 'sb-rate-comment' }, t.comment),
    comment,
    sendRating,
  );
  sendRating.onclick = async () => {
    sendRating.disabled = true;
    const result = await actions.ask('chat.rate', { interactionId, rating, ...(comment.value.trim() ? { comment: comment.value.trim() } : {}) });
    if (!result.ok) {
      sendRating.disabled = false;
      return;
    }
    actions.rated();
    done(rate, thanks(t.rated, 'sb-rate-thanks'));
  };

  const email = el('input', { id: 'sb-transcript-email', type: 'email', required: true, autocomplete: 'email', 'data-testid': 'sb-transcript-email' });
  const transcript = el(
    'form',
    {
      class: 'transcript',
      onsubmit: async (event) => {
        event.preventDefault();
        const button = transcript.querySelector('button') as HTMLButtonElement;
        button.disabled = true;
        const result = await actions.ask('chat.transcript', { interactionId, email: email.value.trim() });
        button.disabled = false;
        if (result.ok) done(transcript, thanks(t.transcriptSent, 'sb-transcript-done'));
      },
    },
    el('label', { for: 'sb-transcript-email' }, t.email),
    email,
    el('button', { type: 'submit', 'data-testid': 'sb-transcript-send' }, t.transcript),
  );

  return el(
    'div',
    { class: 'ended' },
    alreadyRated ? thanks(t.rated, 'sb-rate-thanks') : rate,
    transcript,
    el('button', { type: 'button', class: 'primary', 'data-testid': 'sb-new-chat', onclick: () => actions.newChat() }, t.newChat),
  );
}
