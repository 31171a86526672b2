import { HttpErrorResponse } from '@angular/common/http';
import { computed, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { PresenceStatus, type PauseReason, type Presence, type SetPresenceRequest, type StaffChannel } from '@switchboard/contracts';
import { firstValueFrom, type Subscription } from 'rxjs';
import { RoutingApi } from '../api/routing-api.service';
import { AuthService } from './auth.service';
import { ConsoleSocket } from './console-socket.service';
import { errorMessage } from './error.interceptor';

/** How a status looks: a pause without a reason is "Away". */
export type PresenceTone = 'online' | 'paused' | 'away' | 'offline';

export function presenceTone(presence: Pick<Presence, 'status' | 'pauseReason'> | null): PresenceTone {
  if (!presence || presence.status === PresenceStatus.Offline) return 'offline';
  if (presence.status === PresenceStatus.Online) return 'online';
  return presence.pauseReason ? 'paused' : 'away';
}

/** "Online", "Paused: Lunch", "Away" or "Offline". */
export function presenceLabel(presence: Pick<Presence, 'status' | 'pauseReason'> | null): string {
  const tone = presenceTone(presence);
  if (tone === 'paused') return `Paused: ${presence?.pauseReason?.name ?? ''}`;
  return { online: 'Online', away: 'Away', offline: 'Offline' }[tone];
}

/**
 * The signed-in user's presence, as the top bar shows and changes it. Loaded at sign-in and kept
 * live by the socket's `presence.changed` (a supervisor or the system may change it too).
 */
@Injectable({ providedIn: 'root' })
export class PresenceService {
  private readonly api = inject(RoutingApi);
  private readonly socket = inject(ConsoleSocket);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly current = signal<Presence | null>(null);
  private readonly reasonList = signal<PauseReason[]>([]);
  private readonly userId = computed(() => this.auth.user()?.id ?? null);
  private live?: Subscription;
  /** Bumped by every socket update, so a slower GET answer cannot overwrite a newer state. */
  private version = 0;

  readonly presence = this.current.asReadonly();
  readonly reasons = this.reasonList.asReadonly();
  readonly label = computed(() => presenceLabel(this.current()));
  readonly tone = computed(() => presenceTone(this.current()));
  readonly busy = signal(false);

  constructor() {
    effect(() => {
      const userId = this.userId();
      untracked(() => (userId ? this.start() : this.stop()));
    });
  }

  /** Sets the user's own status; `pauseReasonId` only with `paused` (none: "Away"). */
  async set(request: SetPresenceRequest): Promise<void> {
    this.busy.set(true);
    try {
      this.accept(await firstValueFrom(this.api.setMyPresence(request)));
    } catch {
      // The error interceptor shows the server's message.
    } finally {
      this.busy.set(false);
    }
  }

  /** Switches one channel; false (with the server's message shown) when refused. */
  async setChannel(channel: StaffChannel, enabled: boolean): Promise<boolean> {
    try {
      this.accept(await firstValueFrom(this.api.setMyChannel(channel, enabled)));
      return true;
    } catch (error) {
      const message = error instanceof HttpErrorResponse ? errorMessage(error) : 'The channel could not be switched.';
      this.snackBar.open(message, 'Dismiss', { duration: 6000, panelClass: 'sb-error-toast' });
      return false;
    }
  }

  /** Pause reasons change rarely, but an administrator may have edited them since sign-in. */
  reloadReasons(): void {
    this.api.pauseReasons().subscribe({ next: (reasons) => this.reasonList.set(reasons.filter((reason) => !reason.archived)) });
  }

  private start(): void {
    this.stop();
    this.live = this.socket.on('presence.changed').subscribe((presence) => this.accept(presence));
    const asked = this.version;
    this.api.myPresence().subscribe({
      next: (presence) => {
        if (this.version === asked) this.current.set(presence);
      },
    });
    this.reloadReasons();
  }

  private stop(): void {
    this.live?.unsubscribe();
    this.live = undefined;
    this.current.set(null);
    this.reasonList.set([]);
  }

  private accept(presence: Presence): void {
    // A socket event for another user cannot come, but a stale one after a switch of user could.
    if (presence.agentId !== this.userId()) return;
    this.version++;
    this.current.set(presence);
  }
}
