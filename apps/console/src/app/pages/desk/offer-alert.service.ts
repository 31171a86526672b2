import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Offer } from '@switchboard/contracts';
import { channelLabel, contactLabel } from './desk-labels';

/** localStorage keys of the agent's choices ("true" / "false"). */
export const DESK_SOUND_KEY = 'sb-desk-sound';
export const DESK_NOTIFY_KEY = 'sb-desk-notify';

/** The beep: two short tones (Hz), each this long (s), one after the other. */
const TONES = [880, 1320];
const TONE_SECONDS = 0.14;
const TONE_GAP_SECONDS = 0.04;
const VOLUME = 0.2;

function stored(key: string, fallback: boolean): boolean {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : value === 'true';
  } catch {
    return fallback;
  }
}

function store(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    // Storage refused (private mode): the choice lasts until the page is left.
  }
}

/**
 * Tells the agent about a new offer beyond the desk's own toast (seed 001 "notifications"): a
 * short beep made with the Web Audio API, and a browser notification while the console's tab
 * is hidden. Both are the agent's choice, kept in the browser: sound on, notifications off
 * until the agent turns them on (which asks the browser's permission).
 */
@Injectable({ providedIn: 'root' })
export class OfferAlertService {
  private readonly document = inject(DOCUMENT);
  private readonly snackBar = inject(MatSnackBar);
  private audio?: AudioContext;

  readonly sound = signal(stored(DESK_SOUND_KEY, true));
  readonly notify = signal(stored(DESK_NOTIFY_KEY, false));

  setSound(on: boolean): void {
    this.sound.set(on);
    store(DESK_SOUND_KEY, on);
    // Switching it on is a user gesture: the audio may start now, and the agent hears what it sounds like.
    if (on) this.beep();
  }

  /** Turning notifications on asks the browser's permission; refused, they stay off. */
  async setNotify(on: boolean): Promise<void> {
    if (!on) {
      this.notify.set(false);
      store(DESK_NOTIFY_KEY, false);
      return;
    }
    const api = this.notifications();
    if (!api) return this.refuse('This browser cannot show notifications.');
    // On while asking, so the switch does not jump back and forth.
    this.notify.set(true);
    let permission: NotificationPermission = api.permission;
    try {
      if (permission !== 'granted') permission = await api.requestPermission();
    } catch {
      permission = 'denied';
    }
    if (permission !== 'granted') return this.refuse('Notifications are blocked for this site: allow them in the browser to get them.');
    store(DESK_NOTIFY_KEY, true);
  }

  /** Called for every new offer; the desk shows its own toast as well. */
  offer(offer: Offer): void {
    if (this.sound()) this.beep();
    if (this.notify() && this.document.visibilityState === 'hidden') this.showNotification(offer);
  }

  private showNotification(offer: Offer): void {
    const api = this.notifications();
    if (!api || api.permission !== 'granted') return;
    const { interaction } = offer;
    try {
      const notification = new api(`New ${channelLabel(interaction.channel).toLowerCase()} from ${contactLabel(interaction)}`, {
        body: interaction.pageUrl ?? undefined,
        // One notification per offer, even if it is announced again.
        tag: `sb-offer-${offer.id}`,
      });
      notification.onclick = () => {
        this.document.defaultView?.focus();
        notification.close();
      };
    } catch {
      // Some browsers only notify through a service worker; the toast and the sound remain.
    }
  }

  /** A short two-tone beep; silent where Web Audio is missing or the browser blocks it. */
  private beep(): void {
    const view = this.document.defaultView as unknown as { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext } | null;
    const Context = view?.AudioContext ?? view?.webkitAudioContext;
    if (!Context) return;
    try {
      const audio = (this.audio ??= new Context());
      // Created before any user gesture it starts suspended; the agent has clicked on the desk by now.
      if (audio.state === 'suspended') audio.resume().catch(() => undefined);
      let at = audio.currentTime + 0.02;
      for (const frequency of TONES) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = frequency;
        // A quick fade in and out: no click at either end.
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(VOLUME, at + 0.015);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + TONE_SECONDS);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(at);
        oscillator.stop(at + TONE_SECONDS + 0.01);
        at += TONE_SECONDS + TONE_GAP_SECONDS;
      }
    } catch {
      // No sound then; the toast still shows.
    }
  }

  private notifications(): typeof Notification | undefined {
    const view = this.document.defaultView as unknown as { Notification?: typeof Notification } | null;
    return view?.Notification;
  }

  private refuse(message: string): void {
    this.notify.set(false);
    store(DESK_NOTIFY_KEY, false);
    this.snackBar.open(message, 'Dismiss', { duration: 6000 });
  }
}
