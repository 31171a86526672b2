import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { CurrentUser, LoginResponse } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';

const TOKEN_KEY = 'switchboard.accessToken';

/** The signed-in user and their access token (kept for the browser tab's session only). */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly tokenSignal = signal<string | null>(sessionStorage.getItem(TOKEN_KEY));
  private readonly userSignal = signal<CurrentUser | null>(null);

  readonly user = this.userSignal.asReadonly();
  readonly signedIn = computed(() => this.userSignal() !== null);

  get token(): string | null {
    return this.tokenSignal();
  }

  /** At start: if the tab holds a token, find out whose it is (or drop it). */
  async restore(): Promise<void> {
    if (!this.token) return;
    try {
      this.userSignal.set(await firstValueFrom(this.http.get<CurrentUser>('/api/v1/auth/me')));
    } catch {
      this.forget();
    }
  }

  async login(login: string, password: string): Promise<void> {
    const { accessToken } = await firstValueFrom(this.http.post<LoginResponse>('/api/v1/auth/login', { login, password }));
    this.setToken(accessToken);
    this.userSignal.set(await firstValueFrom(this.http.get<CurrentUser>('/api/v1/auth/me')));
  }

  async logout(): Promise<void> {
    this.forget();
    await this.router.navigate(['/login']);
  }

  /** Drops the session without a round trip (expired or revoked token). */
  forget(): void {
    this.setToken(null);
    this.userSignal.set(null);
  }

  private setToken(token: string | null): void {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    this.tokenSignal.set(token);
  }
}
