import { Injectable } from '@nestjs/common';
import type { MfaSetup } from '@switchboard/contracts';
import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import { returningRows } from '@switchboard/db';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { hashToken } from '../sessions/sessions.service';

const ISSUER = 'Switchboard';
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** One period either side, for phones whose clock drifts a little. */
const TOLERANCE_SECONDS = 30;

/** A recovery code as shown: `xxxxx-xxxxx` (about 49 bits). */
export const RECOVERY_CODE_PATTERN = /^[a-z2-9]{5}-?[a-z2-9]{5}$/i;

function recoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}
const normaliseRecovery = (code: string) => code.trim().toLowerCase().replace('-', '');

/**
 * TOTP second factor (RFC 6238, any authenticator app) with one-time recovery codes. A code is
 * accepted once: the last used time step is kept and only later ones pass, atomically, so two
 * nodes cannot both accept the same code.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async isEnabled(userId: string): Promise<boolean> {
    const [row] = (await this.dataSource.query('select 1 from security_mfa where user_id = $1 and enabled_at is not null', [userId])) as unknown[];
    return row !== undefined;
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query('select count(*)::int as n from security_recovery_codes where user_id = $1 and used_at is null', [
      userId,
    ])) as { n: number }[];
    return row?.n ?? 0;
  }

  /** A new secret waiting for its first code (MFA already on stays on until then). */
  async setup(userId: string, label: string): Promise<MfaSetup> {
    const secret = generateSecret();
    await this.dataSource.query(
      `insert into security_mfa (user_id, pending_secret) values ($1, $2)
       on conflict (user_id) do update set pending_secret = excluded.pending_secret`,
      [userId, secret],
    );
    const otpauthUrl = generateURI({ issuer: ISSUER, label, secret });
    return { secret, otpauthUrl, qrCodeDataUrl: await toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
  }

  /** Confirms the pending secret with a code from the app; answers fresh recovery codes, or null for a wrong code. */
  async enable(userId: string, code: string): Promise<string[] | null> {
    const [row] = (await this.dataSource.query('select pending_secret from security_mfa where user_id = $1', [userId])) as {
      pending_secret: string | null;
    }[];
    if (!row?.pending_secret) return null;
    const step = await this.matchingStep(row.pending_secret, code);
    if (step === null) return null;
    return this.dataSource.transaction(async (manager) => {
      const updated = await returningRows<unknown>(manager, `update security_mfa set secret = pending_secret, pending_secret = null, enabled_at = $2, last_time_step = $3
         where user_id = $1 and pending_secret = $4 returning user_id`,
        [userId, this.clock.now(), step, row.pending_secret]);
      if (!updated.length) return null;
      return this.replaceRecoveryCodes(userId, manager);
    });
  }

  /** Checks a sign-in code: a TOTP code not used before, or an unused recovery code (spent now). */
  async verify(userId: string, code: string): Promise<'totp' | 'recovery' | null> {
    const [row] = (await this.dataSource.query('select secret from security_mfa where user_id = $1 and enabled_at is not null', [userId])) as {
      secret: string;
    }[];
    if (!row) return null;
    const trimmed = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(trimmed)) {
      const step = await this.matchingStep(row.secret, trimmed);
      if (step === null) return null;
      const spent = await returningRows<unknown>(this.dataSource, 'update security_mfa set last_time_step = $2 where user_id = $1 and last_time_step < $2 returning user_id',
        [userId, step]);
      return spent.length ? 'totp' : null;
    }
    if (!RECOVERY_CODE_PATTERN.test(trimmed)) return null;
    const spent = await returningRows<unknown>(this.dataSource, 'update security_recovery_codes set used_at = $3 where user_id = $1 and code_hash = $2 and used_at is null returning user_id',
      [userId, hashToken(normaliseRecovery(trimmed)), this.clock.now()]);
    return spent.length ? 'recovery' : null;
  }

  async renewRecoveryCodes(userId: string): Promise<string[]> {
    return this.dataSource.transaction((manager) => this.replaceRecoveryCodes(userId, manager));
  }

  /** Turns MFA off and forgets the secret and codes; true when it was on. */
  async disable(userId: string): Promise<boolean> {
    const wasOn = await this.isEnabled(userId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('delete from security_recovery_codes where user_id = $1', [userId]);
      await manager.query('delete from security_mfa where user_id = $1', [userId]);
    });
    return wasOn;
  }

  private async replaceRecoveryCodes(userId: string, manager: DataSource['manager']): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    await manager.query('delete from security_recovery_codes where user_id = $1', [userId]);
    await manager.query('insert into security_recovery_codes (user_id, code_hash) select $1, unnest($2::text[])', [
      userId,
      codes.map((c) => hashToken(normaliseRecovery(c))),
    ]);
    return codes;
  }

  /** The time step a code belongs to (within the tolerance), or null. */
  private async matchingStep(secret: string, code: string): Promise<number | null> {
    if (!/^\d{6}$/.test(code.trim())) return null;
    const result = await verify({ secret, token: code.trim(), epoch: Math.floor(this.clock.now().getTime() / 1000), epochTolerance: TOLERANCE_SECONDS });
    return result.valid && 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : null;
  }
}
