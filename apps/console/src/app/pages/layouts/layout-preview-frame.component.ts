import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';

/** Plain looks for the layout's usual classes, so the preview reads as a chat box. */
const FRAME_STYLE = `
  body { margin: 0; padding: 12px; font: 14px/1.4 system-ui, sans-serif; color: #1f1f1f; background: #fafafa; }
  .sb-chat { max-width: 360px; border: 1px solid #c4c4c4; border-radius: 12px; overflow: hidden; background: #fff; }
  .sb-header { display: flex; flex-direction: column; padding: 10px 12px; background: #3f51b5; color: #fff; }
  .sb-subtitle { font-size: 12px; opacity: .85; }
  .sb-greeting, .sb-footer { margin: 0; padding: 8px 12px; }
  .sb-footer { font-size: 11px; color: #666; }
  [data-sb-slot="conversation"] { min-height: 120px; margin: 0 12px; border: 1px dashed #9e9e9e; border-radius: 8px; }
  [data-sb-slot="conversation"]::before { content: "Conversation"; display: block; padding: 8px; color: #9e9e9e; font-size: 12px; }
`;

/** A document of its own for the rendering: no scripts, no requests beyond images. */
function frameDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data: https:">
<style>${FRAME_STYLE}</style></head><body>${html}</body></html>`;
}

/**
 * Shows a layout's rendering in an iframe with `sandbox=""`: no scripts, no forms, no
 * navigation, an origin of its own, so nothing in it can reach the console. Never innerHTML.
 */
@Component({
  selector: 'sb-layout-preview-frame',
  template: `<iframe sandbox="" [srcdoc]="document()" title="Preview of the chat box" data-testid="layout-preview"></iframe>`,
  styles: `
    :host { display: block; }
    iframe { display: block; width: 100%; height: 420px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; background: #fafafa; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LayoutPreviewFrameComponent {
  /** The server's rendering (already escaped and sanitised). */
  readonly html = input.required<string>();
  private readonly sanitizer = inject(DomSanitizer);

  // Angular's own HTML sanitiser would drop the layout's data-* attributes and so change the
  // preview; the sandbox, not the sanitiser, is what keeps this document harmless.
  protected readonly document = computed(() => this.sanitizer.bypassSecurityTrustHtml(frameDocument(this.html())));
}
