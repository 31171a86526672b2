import { ClipboardModule } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import type { Site } from '@switchboard/contracts';
import { SitesApi } from '../../api/sites-api.service';
import { confirm } from '../../shared/confirm-dialog.component';

/** Computing the signature on the site's server, in a few languages (the secret never goes into a page). */
const SIGNATURE_SAMPLES: ReadonlyArray<{ language: string; code: string }> = [
  {
    language: 'Node.js',
    code: `const { createHmac } = require('node:crypto');

// IDENTITY_SECRET: this site's identity secret, from your server's configuration.
const signature = createHmac('sha256', process.env.IDENTITY_SECRET)
  .update(String(user.id))
  .digest('hex');`,
  },
  {
    language: 'PHP',
    code: `$signature = hash_hmac('sha256', (string) $user->id, getenv('IDENTITY_SECRET'));`,
  },
  {
    language: 'Python',
    code: `import hashlib, hmac, os

signature = hmac.new(os.environ["IDENTITY_SECRET"].encode(), str(user.id).encode(), hashlib.sha256).hexdigest()`,
  },
];

/** The snippet's tag with the identity attributes, as the site's page template writes it. */
const SNIPPET_SAMPLE = `<script async src="…/widget.js" data-site-key="…"
  data-visitor-id="{{ user.id }}"
  data-visitor-name="{{ user.name }}"
  data-visitor-email="{{ user.email }}"
  data-visitor-signature="{{ signature }}"></script>`;

/**
 * A site's "Visitor identity": the secret with which the site's server signs who a signed-in
 * visitor is, so agents see them by name and their chats follow them from browser to browser.
 * No response carries a site's secret: making a new one (the old one stops working) shows it
 * here, this once, masked until shown.
 */
@Component({
  selector: 'sb-site-identity',
  imports: [ClipboardModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatTabsModule],
  template: `
    <section class="identity" aria-labelledby="site-identity-title" data-testid="site-identity">
      <h2 id="site-identity-title">Visitor identity</h2>
      <p class="explain">
        When your visitors sign in to your site, the chat can know who they are: agents see them by name as identified visitors, and their open chat and
        history follow them to any browser. Your site's server signs the visitor's id with the site's identity secret (HMAC-SHA256, in hexadecimal) and the
        page passes the id, name, e-mail and signature on the snippet's tag. Keep the secret on your server: never put it in a page.
      </p>
      <p class="explain" data-testid="site-identity-explain">
        The secret is shown only when it is made: nobody can read it back later, here or anywhere else. Make a new one to set identities up, or when the
        one your server has is lost or may have leaked; the old one stops working within seconds.
      </p>
      <div class="made" aria-live="polite">
        <div class="secret">
          <button mat-stroked-button type="button" (click)="renew()" [disabled]="busy()" data-testid="site-identity-renew">
            <mat-icon>key</mat-icon>
            Make a new secret
          </button>
        </div>
        @if (secret(); as value) {
          <div class="secret">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="field">
              <mat-label>New identity secret</mat-label>
              <input matInput readonly [type]="shown() ? 'text' : 'password'" [value]="value" autocomplete="off" spellcheck="false" data-testid="site-identity-secret" />
              <button
                mat-icon-button
                matSuffix
                type="button"
                (click)="shown.set(!shown())"
                [attr.aria-label]="shown() ? 'Hide the identity secret' : 'Show the identity secret'"
                [attr.aria-pressed]="shown()"
                data-testid="site-identity-show"
              >
                <mat-icon>{{ shown() ? 'visibility_off' : 'visibility' }}</mat-icon>
              </button>
            </mat-form-field>
            <button mat-stroked-button type="button" [cdkCopyToClipboard]="value" (cdkCopyToClipboardCopied)="copied.set($event)" data-testid="site-identity-copy">
              <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
              {{ copied() ? 'Copied' : 'Copy' }}
            </button>
          </div>
          <p class="once" data-testid="site-identity-once">
            <mat-icon aria-hidden="true">warning</mat-icon>
            Copy it now: it will not be shown again.
          </p>
        }
      </div>

      <h3>1. Sign the visitor's id on your server</h3>
      <mat-tab-group mat-stretch-tabs="false" animationDuration="0ms" class="samples" aria-label="Signature samples">
        @for (sample of samples; track sample.language) {
          <mat-tab [label]="sample.language">
            <pre class="code" data-testid="site-identity-sample">{{ sample.code }}</pre>
          </mat-tab>
        }
      </mat-tab-group>
      <h3>2. Add the identity to the snippet's tag</h3>
      <pre class="code" data-testid="site-identity-snippet">{{ snippet }}</pre>
      <p class="explain">
        Only <code>data-visitor-id</code> and <code>data-visitor-signature</code> are needed; name and e-mail are shown to agents as given. Without a signature
        the visitor stays anonymous; a wrong signature keeps the chat box from connecting.
      </p>
    </section>
  `,
  styles: `
    .identity { display: flex; flex-direction: column; gap: 8px; box-sizing: border-box; max-width: 1040px; margin-bottom: 16px; padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0; }
    h3 { font: var(--mat-sys-title-small); margin: 8px 0 0; }
    .explain { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .made { display: flex; flex-direction: column; gap: 8px; }
    .secret { display: flex; align-items: center; flex-wrap: wrap; gap: 12px; }
    .field { flex: 1; min-width: 280px; max-width: 560px; }
    .field input { font-family: ui-monospace, monospace; }
    .once { display: flex; align-items: center; gap: 8px; margin: 0; font: var(--mat-sys-label-large); color: var(--mat-sys-error); }
    .code { margin: 0; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-surface-container-high); font-family: ui-monospace, monospace;
      white-space: pre-wrap; overflow-wrap: anywhere; }
    .samples .code { margin-top: 8px; }
    code { font-family: ui-monospace, monospace; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteIdentityComponent {
  private readonly api = inject(SitesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly site = input.required<Site>();

  protected readonly samples = SIGNATURE_SAMPLES;
  protected readonly snippet = SNIPPET_SAMPLE;
  protected readonly shown = signal(false);
  protected readonly copied = signal(false);
  protected readonly busy = signal(false);
  /** The secret made here, with its site: kept in this page only, never fetched again. */
  private readonly made = signal<{ siteId: string; secret: string } | null>(null);
  /** The secret to show: the one just made for this site (an answer for another site is not shown on this one). */
  protected readonly secret = computed(() => {
    const made = this.made();
    return made && made.siteId === this.site().id ? made.secret : null;
  });

  constructor() {
    // Another secret (a new one, another site): masked again, and "Copied" no longer holds.
    effect(() => {
      this.secret();
      this.shown.set(false);
      this.copied.set(false);
    });
  }

  protected async renew(): Promise<void> {
    const site = this.site();
    const ok = await confirm(this.dialog, {
      title: 'Make a new identity secret',
      message: `Make a new identity secret for ${site.name}? The current one stops working within seconds: visitors signed with it cannot connect to the chat until your server signs with the new one.`,
      confirm: 'Make a new secret',
      danger: true,
    });
    if (!ok) return;
    this.busy.set(true);
    this.api.renewIdentitySecret(site.id).subscribe({
      next: ({ identitySecret }) => {
        this.busy.set(false);
        this.made.set({ siteId: site.id, secret: identitySecret });
        this.snackBar.open('New identity secret made: copy it to your server now', undefined, { duration: 4000 });
      },
      error: () => this.busy.set(false),
    });
  }
}
