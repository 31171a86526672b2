import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Agent } from '@switchboard/contracts';
import { AgentsApi } from '../../../api/agents-api.service';
import { errorMessage } from '../../../core/error.interceptor';

const AVATAR_TYPES = ['image/png', 'image/jpeg'];
const AVATAR_MAX_BYTES = 8 * 1024 * 1024;

/** The agent's picture (fetched with the token, shown from an object URL) and its upload. */
@Component({
  selector: 'sb-agent-avatar',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <figure class="avatar">
      @if (url(); as src) {
        <img [src]="src" [alt]="'Avatar of ' + agent().fullName" data-testid="agent-avatar-image" />
      } @else {
        <mat-icon class="placeholder" aria-hidden="true">account_circle</mat-icon>
      }
      <figcaption>
        <input #picker type="file" accept="image/png,image/jpeg" hidden (change)="upload(picker)" data-testid="agent-avatar-file" aria-label="Avatar image" />
        <button mat-stroked-button type="button" (click)="picker.click()" [disabled]="uploading()" data-testid="agent-avatar-upload">
          <mat-icon>photo_camera</mat-icon>
          Change avatar
        </button>
        <small>PNG or JPG, at most 8 MB</small>
        @if (uploading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Uploading the avatar" />
        }
        @if (error(); as text) {
          <p class="sb-error-text" role="alert" data-testid="agent-avatar-error">{{ text }}</p>
        }
      </figcaption>
    </figure>
  `,
  styles: `
    .avatar { margin: 0; display: flex; flex-direction: column; align-items: center; gap: 8px; width: 200px; }
    img { width: 128px; height: 128px; border-radius: 50%; object-fit: cover; }
    .placeholder { font-size: 128px; width: 128px; height: 128px; color: var(--mat-sys-outline); }
    figcaption { display: flex; flex-direction: column; align-items: center; gap: 4px; text-align: center; }
    mat-progress-bar { width: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentAvatarComponent {
  private readonly api = inject(AgentsApi);
  readonly agent = input.required<Agent>();
  /** Emitted after a successful upload. */
  readonly changed = output();

  protected readonly url = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly uploading = signal(false);

  constructor() {
    effect((onCleanup) => {
      const agent = this.agent();
      if (!agent.hasAvatar) {
        this.show(null);
        return;
      }
      const subscription = this.api.avatar(agent.id).subscribe({ next: (blob) => this.show(URL.createObjectURL(blob)), error: () => this.show(null) });
      onCleanup(() => subscription.unsubscribe());
    });
    inject(DestroyRef).onDestroy(() => this.show(null));
  }

  protected upload(picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    if (!AVATAR_TYPES.includes(file.type)) return this.error.set('Choose a PNG or JPG image.');
    if (file.size > AVATAR_MAX_BYTES) return this.error.set('The image is larger than 8 MB.');
    this.error.set(null);
    this.uploading.set(true);
    this.api.uploadAvatar(this.agent().id, file).subscribe({
      next: () => {
        this.uploading.set(false);
        this.changed.emit();
      },
      error: (failure: unknown) => {
        this.uploading.set(false);
        this.error.set(failure instanceof HttpErrorResponse ? errorMessage(failure) : 'The upload failed.');
      },
    });
  }

  /** Replaces the shown object URL, releasing the previous one. */
  private show(url: string | null): void {
    const previous = untracked(this.url);
    if (previous) URL.revokeObjectURL(previous);
    this.url.set(url);
  }
}
