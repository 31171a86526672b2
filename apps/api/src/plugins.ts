import { chatPlugin } from '@switchboard/channel-chat';
import type { ChannelPluginDefinition } from '@switchboard/plugin-sdk';

/**
 * The one list of installed channel plugins. To add a channel, write a package under
 * plugins/ and add its definition here; SWITCHBOARD_PLUGINS chooses which of these run.
 * The other channel plugins of the product (email, SMS, WhatsApp, voice) join this list as
 * their issues land.
 */
export const installedPlugins: ChannelPluginDefinition[] = [chatPlugin];
