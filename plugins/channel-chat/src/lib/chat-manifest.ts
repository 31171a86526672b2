import type { ChannelManifest } from '@switchboard/plugin-sdk';

/** Web chat. Its accounts are the sites (managed on the Sites screen); the schema describes what the plugin reads of one. */
export const chatManifest: ChannelManifest = {
  id: 'chat',
  displayName: 'Web chat',
  capabilities: { realtime: true, threads: false, attachments: true, typing: true, voiceMedia: false },
  defaultCapacity: 3,
  settingsSchema: {
    type: 'object',
    properties: {
      siteKey: { type: 'string', description: 'The public key of the embed snippet' },
      url: { type: 'string' },
      allowedOrigins: { type: 'array', items: { type: 'string' }, description: 'Origins whose pages may open the chat' },
      preChatFields: { type: 'array', items: { type: 'object' } },
      layoutHtml: { type: 'object', description: 'The rendered layout by language' },
    },
    required: ['siteKey', 'allowedOrigins'],
  },
};
