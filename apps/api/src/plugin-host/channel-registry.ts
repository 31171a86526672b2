import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ChannelSummary } from '@switchboard/contracts';
import type { ChannelPlugin, ChannelPluginDefinition } from '@switchboard/plugin-sdk';

export const LOADED_PLUGINS = Symbol('switchboard:LoadedPlugins');

/** The channel plugins running in this process, by id. */
@Injectable()
export class ChannelRegistry implements OnModuleInit {
  private readonly channels = new Map<string, ChannelPlugin>();

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(LOADED_PLUGINS) private readonly plugins: ChannelPluginDefinition[],
  ) {}

  /** Runs once every provider exists, the plugins' channels included. */
  onModuleInit(): void {
    for (const plugin of this.plugins) {
      this.channels.set(plugin.manifest.id, this.moduleRef.get(plugin.channel, { strict: false }));
    }
  }

  get(id: string): ChannelPlugin | undefined {
    return this.channels.get(id);
  }

  summaries(): ChannelSummary[] {
    return [...this.channels.values()]
      .map(({ manifest }) => ({
        id: manifest.id,
        displayName: manifest.displayName,
        capabilities: manifest.capabilities,
        defaultCapacity: manifest.defaultCapacity,
        settingsSchema: manifest.settingsSchema,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
}
