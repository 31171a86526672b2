import { Module, type DynamicModule } from '@nestjs/common';
import { ConversationsModule } from '@switchboard/conversations';
import { CHANNEL_ACCOUNTS, CLIENT_ADDRESS, type ChannelPluginDefinition } from '@switchboard/plugin-sdk';
import { CHANNEL_HOOKS } from '@switchboard/routing';
import { ChannelAccountsService } from './channel-accounts';
import { ChannelHooksService } from './channel-hooks';
import { TrustedProxyClientAddress } from './client-address';
import { ChannelRegistry, LOADED_PLUGINS } from './channel-registry';
import { ChannelsController } from './channels.controller';

/**
 * Loads the selected channel plugins' modules and registers their channels; gives plugins their
 * accounts (CHANNEL_ACCOUNTS) and routing its way to them (CHANNEL_HOOKS). Global, so that the
 * plugins' modules and routing see both.
 */
@Module({})
export class PluginHostModule {
  static forRoot(plugins: ChannelPluginDefinition[], options: { trustedProxies: string[] }): DynamicModule {
    return {
      module: PluginHostModule,
      global: true,
      imports: [ConversationsModule, ...plugins.map((plugin) => plugin.module)],
      controllers: [ChannelsController],
      providers: [
        { provide: LOADED_PLUGINS, useValue: plugins },
        ChannelRegistry,
        ChannelAccountsService,
        { provide: CHANNEL_ACCOUNTS, useExisting: ChannelAccountsService },
        ChannelHooksService,
        { provide: CHANNEL_HOOKS, useExisting: ChannelHooksService },
        { provide: CLIENT_ADDRESS, useValue: new TrustedProxyClientAddress(options.trustedProxies) },
      ],
      exports: [ChannelRegistry, CHANNEL_ACCOUNTS, CHANNEL_HOOKS, CLIENT_ADDRESS],
    };
  }
}
