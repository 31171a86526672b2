import { el, show, svg } from './dom';
import type { Words } from './i18n';
import { STYLES } from './styles';

/**
 * The widget's frame on the host page: a custom element with an open shadow root (the page's CSS
 * cannot reach inside, ours cannot leak out), the launcher button and the panel. The panel holds
 * the site's layout, and the conversation goes into its `[data-sb-slot="conversation"]`.
 */
export class Shell {
  readonly status = el('p', { class: 'status', role: 'status', 'data-testid': 'sb-status' });
  readonly error = el('p', { class: 'error', role: 'alert', 'data-testid': 'sb-error', hidden: true });
  /** Where the current view (a form, the conversation, a thank-you) goes. */
  readonly view = el('div', { class: 'view' });
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly layout = el('div', { class: 'layout' });

  constructor(
    private readonly t: Words,
    private readonly onToggle: (open: boolean) => void,
  ) {
    const host = document.createElement('switchboard-chat');
    // Inline, so that no rule of the page can hide or move the host.
    host.setAttribute('style', 'all:initial;position:fixed;right:20px;bottom:20px;z-index:2147483000;display:block');
    const root = host.attachShadow({ mode: 'open' });
    const icon = svg('svg', { viewBox: '0 0 24 24', width: '28', height: '28', 'aria-hidden': 'true' }, svg('path', { fill: 'currentColor', d: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z' }));
    this.launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-label': t.open, 'data-testid': 'sb-launcher', onclick: () => this.open(!this.isOpen()) }, icon);
    const close = el('button', { type: 'button', class: 'close', 'aria-label': t.close, onclick: () => this.open(false) }, '×');
    this.panel = el('div', { class: 'panel', role: 'dialog', 'aria-label': t.open, tabindex: -1, 'data-testid': 'sb-panel', hidden: true }, close, this.layout);
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.open(false);
    });
    root.append(el('style', {}, STYLES), this.panel, this.launcher);
    document.body.append(host);
  }

  /** The site's layout in the visitor's language: server output, sanitised there, hence innerHTML. */
  setLayout(html: string, siteName: string): void {
    this.panel.setAttribute('aria-label', siteName);
    this.layout.innerHTML = html;
    const slot = this.layout.querySelector('[data-sb-slot="conversation"]') ?? this.layout;
    slot.append(this.status, this.error, this.view);
  }

  isOpen(): boolean {
    return !this.panel.hidden;
  }

  /** Opens or closes the panel; focus goes into it, and back to the launcher on close. */
  open(open: boolean, focus = true): void {
    if (open === this.isOpen()) return;
    show(this.panel, open);
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', open ? this.t.close : this.t.open);
    if (focus) {
      if (open) (this.panel.querySelector<HTMLElement>('.view input, .view textarea, .view button') ?? this.panel).focus();
      else this.launcher.focus();
    }
    this.onToggle(open);
  }

  setStatus(text: string): void {
    this.status.textContent = text;
    show(this.status, Boolean(text));
  }

  setError(text: string | null): void {
    this.error.textContent = text ?? '';
    show(this.error, Boolean(text));
  }
}
