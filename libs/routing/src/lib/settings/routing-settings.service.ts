import { Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, type RoutingSettings } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import type { RoutingSettingsDto } from '../dto/settings.dto';

const CACHE_MS = 1000;

/** Company-wide routing settings (one row). */
@Injectable()
export class RoutingSettingsService {
  private cache: { value: RoutingSettings; readAt: number } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<RoutingSettings> {
    if (this.cache && Date.now() - this.cache.readAt < CACHE_MS) return this.cache.value;
    const [row] = await this.dataSource.query(
      'select agents_may_toggle_channels as "agentsMayToggleChannels", offer_timeout_seconds as "offerTimeoutSeconds" from routing_settings where id = 1',
    );
    this.cache = { value: row as RoutingSettings, readAt: Date.now() };
    return this.cache.value;
  }

  async update(dto: RoutingSettingsDto): Promise<RoutingSettings> {
    this.cache = null;
    const before = await this.get();
    const after = { ...before, ...Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) } as RoutingSettings;
    await this.dataSource.query('update routing_settings set agents_may_toggle_channels = $1, offer_timeout_seconds = $2 where id = 1', [
      after.agentsMayToggleChannels,
      after.offerTimeoutSeconds,
    ]);
    this.cache = null;
    await this.audit.record({ action: AuditAction.RoutingChanged, target: { type: 'routing', id: 'settings', name: 'Routing settings' }, details: { before, after } });
    return this.get();
  }
}
