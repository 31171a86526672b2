import { Module, type DynamicModule } from '@nestjs/common';
import type { ChannelPluginDefinition } from '@switchboard/plugin-sdk';
import { ChannelRegistry, LOADED_PLUGINS } from './channel-registry';
import { ChannelsController } from './channels.controller';

/** Loads the selected channel plugins' modules and registers their channels. */
@Module({})
export class PluginHostModule {
  static forRoot(plugins: ChannelPluginDefinition[]): DynamicModule {
    return {
      module: PluginHostModule,
      imports: plugins.map((plugin) => plugin.module),
      controllers: [ChannelsController],
      providers: [{ provide: LOADED_PLUGINS, useValue: plugins }, ChannelRegistry],
      exports: [ChannelRegistry],
    };
  }
}
