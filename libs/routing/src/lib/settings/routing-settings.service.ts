import { TtlCache } from '@switchboard/db';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, type RoutingSettings } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import type { RoutingSettingsDto } from '../dto/settings.dto';

/** Company-wide routing settings (one row). */
@Injectable()
export class RoutingSettingsService {
  private readonly cache = new TtlCache<RoutingSettings>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  get(): Promise<RoutingSettings> {
    return this.cache.get('settings', async () => {
      const [row] = await this.dataSource.query(
        'select agents_may_toggle_channels as "agentsMayToggleChannels", offer_timeout_seconds as "offerTimeoutSeconds" from routing_settings where id = 1',
      );
      return row as RoutingSettings;
    });
  }

  async update(dto: RoutingSettingsDto): Promise<RoutingSettings> {
    this.cache.clear();
    const before = await this.get();
    const after = { ...before, ...Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) } as RoutingSettings;
    await this.dataSource.query('update routing_settings set agents_may_toggle_channels = $1, offer_timeout_seconds = $2 where id = 1', [
      after.agentsMayToggleChannels,
      after.offerTimeoutSeconds,
    ]);
    this.cache.clear();
    await this.audit.record({ action: AuditAction.RoutingChanged, target: { type: 'routing', id: 'settings', name: 'Routing settings' }, details: { before, after } });
    return this.get();
  }
}
