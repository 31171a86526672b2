import { defineChannelPlugin } from '@switchboard/plugin-sdk';
import { ChatChannel } from './lib/chat-channel';
import { chatManifest } from './lib/chat-manifest';
import { ChatModule } from './lib/chat.module';

/** Web chat: the widget on customers' sites and its visitor socket. */
export const chatPlugin = defineChannelPlugin({ manifest: chatManifest, module: ChatModule, channel: ChatChannel });
export { visitorAddress } from './lib/visitor-identity';
