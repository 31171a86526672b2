import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Site, SiteEmbed } from '@switchboard/contracts';
import { SitesApi } from '../../api/sites-api.service';
import { confirm } from '../../shared/confirm-dialog.component';
import { LatestLoad } from '../../shared/latest-load';

/**
 * Seed 002's "Installation manuelle": the line to paste before the end of the site's pages, a
 * Copy button, "Test my module" (a public page with the chat box) and a new site key.
 */
@Component({
  selector: 'sb-site-installation',
  imports: [ClipboardModule, MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <section class="installation" aria-labelledby="site-installation-title" data-testid="site-installation">
      <h2 id="site-installation-title">Installation</h2>
      <p class="explain">Paste this line into each page of the site that should offer the chat, just before the end of the page (before &lt;/body&gt;).</p>
      @if (!site().enabled) {
        <p class="sb-banner" role="status" data-testid="site-disabled-note">This site is disabled: its chat box does not open and the test page is not available.</p>
      }
      @if (embed(); as code) {
        <pre class="snippet" data-testid="site-snippet">{{ code.snippet }}</pre>
        <div class="sb-toolbar">
          <button mat-stroked-button type="button" [cdkCopyToClipboard]="code.snippet" (cdkCopyToClipboardCopied)="copied.set($event)" data-testid="site-snippet-copy">
            <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
            {{ copied() ? 'Copied' : 'Copy' }}
          </button>
          <a mat-stroked-button [href]="code.testPageUrl" target="_blank" rel="noopener" data-testid="site-test-link">
            <mat-icon>open_in_new</mat-icon>
            Test my module
          </a>
          <button mat-button type="button" (click)="renewKey()" [disabled]="busy()" data-testid="site-new-key">
            <mat-icon>key</mat-icon>
            New site key
          </button>
        </div>
      } @else if (failed()) {
        <p class="sb-error-text" role="alert">The snippet could not be loaded.</p>
      } @else {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the snippet" />
      }
    </section>
  `,
  styles: `
    .installation { display: flex; flex-direction: column; gap: 8px; box-sizing: border-box; max-width: 1040px; margin-bottom: 16px; padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0; }
    .explain { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .sb-banner { margin: 0; }
    .snippet { margin: 0; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-surface-container-high); font-family: ui-monospace, monospace;
      white-space: pre-wrap; overflow-wrap: anywhere; user-select: all; }
    .sb-toolbar { margin: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteInstallationComponent {
  private readonly api = inject(SitesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly site = input.required<Site>();
  /** Emitted with the site once its key was replaced. */
  readonly keyRenewed = output<Site>();

  protected readonly embed = signal<SiteEmbed | null>(null);
  protected readonly copied = signal(false);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);
  private readonly siteId = computed(() => this.site().id);
  private readonly siteKey = computed(() => this.site().siteKey);
  private readonly loads = new LatestLoad();

  constructor() {
    // The snippet carries the key: a new key means a new snippet.
    effect(() => {
      const id = this.siteId();
      this.siteKey();
      untracked(() => this.load(id));
    });
  }

  protected async renewKey(): Promise<void> {
    const site = this.site();
    const ok = await confirm(this.dialog, {
      title: 'New site key',
      message: `Replace the site key of ${site.name}? The snippet pasted so far stops opening chats until the new one replaces it on every page.`,
      confirm: 'New key',
      danger: true,
    });
    if (!ok) return;
    this.busy.set(true);
    this.api.rotateKey(site.id).subscribe({
      next: (renewed) => {
        this.busy.set(false);
        this.snackBar.open('New site key: paste the new snippet into the pages', undefined, { duration: 4000 });
        this.keyRenewed.emit(renewed);
      },
      error: () => this.busy.set(false),
    });
  }

  private load(id: string): void {
    this.embed.set(null);
    this.copied.set(false);
    this.failed.set(false);
    this.loads.run(this.api.embed(id), { next: (embed) => this.embed.set(embed), error: () => this.failed.set(true) });
  }
}
