import { Injectable } from '@nestjs/common';
import type { PasswordRules, StaffCredentials } from '@switchboard/staff';
import type { EntityManager } from 'typeorm';
import { Clock } from './clock';
import { CredentialEntity } from './entities/credential.entity';
import { generatePassword } from './generate-password';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import { SessionsService } from './sessions/sessions.service';
import { SecuritySettingsService } from './settings/security-settings.service';

/** Passwords and sessions for the staff module: its port, implemented here where hashing and rules live. */
@Injectable()
export class StaffCredentialsAdapter implements StaffCredentials {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly settings: SecuritySettingsService,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  async passwordRules(): Promise<PasswordRules> {
    const settings = await this.settings.get();
    return (password, person) => passwordProblem(password, person, settings);
  }

  generatePassword(): string {
    return generatePassword();
  }

  hashPassword(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  async storeHashes(manager: EntityManager, entries: readonly { userId: string; hash: string }[]): Promise<void> {
    const repository = manager.getRepository(CredentialEntity);
    const now = this.clock.now();
    for (let start = 0; start < entries.length; start += 500) {
      const rows = entries.slice(start, start + 500).map((e) => ({ userId: e.userId, passwordHash: e.hash, passwordChangedAt: now }));
      await repository.upsert(rows, ['userId']);
    }
  }

  async forget(manager: EntityManager, userIds: readonly string[]): Promise<void> {
    await manager.query('delete from security_credentials where user_id = any($1::uuid[])', [userIds]);
  }

  endSessions(userIds: readonly string[], reason: string): Promise<void> {
    return this.sessions.revokeAllOf(userIds, reason);
  }
}
