import { Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import type { UpdateSecuritySettingsDto } from './security-settings.dto';

/**
 * The security settings, one row shared by every node. Read fresh each time (one indexed row):
 * a change made on one node applies on all at once.
 */
@Injectable()
export class SecuritySettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<SecuritySettings> {
    const [row] = (await this.dataSource.query('select settings from security_settings where id = 1')) as { settings: Partial<SecuritySettings> }[];
    return { ...DEFAULT_SECURITY_SETTINGS, ...row?.settings };
  }

  /** Merges the change under a row lock (two admins saving at once both land) and audits before/after. */
  async update(change: UpdateSecuritySettingsDto): Promise<SecuritySettings> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`insert into security_settings (id, settings) values (1, '{}'::jsonb) on conflict (id) do nothing`);
      const [row] = (await manager.query('select settings from security_settings where id = 1 for update')) as { settings: Partial<SecuritySettings> }[];
      const before: SecuritySettings = { ...DEFAULT_SECURITY_SETTINGS, ...row?.settings };
      const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
      const after: SecuritySettings = { ...before, ...defined };
      await manager.query('update security_settings set settings = $1::jsonb, updated_at = now() where id = 1', [JSON.stringify(after)]);
      const changed = Object.keys(after).filter((key) => JSON.stringify(after[key as keyof SecuritySettings]) !== JSON.stringify(before[key as keyof SecuritySettings]));
      if (changed.length) {
        await this.audit.record(
          {
            action: AuditAction.SettingsChanged,
            target: { type: 'settings', id: 'security', name: 'Security settings' },
            details: { before: pick(before, changed), after: pick(after, changed) },
          },
          manager,
        );
      }
      return after;
    });
  }
}

function pick(settings: SecuritySettings, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, settings[key as keyof SecuritySettings]]));
}
