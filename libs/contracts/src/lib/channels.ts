/** What a channel can do; the console and the router adapt to it. */
export interface ChannelCapabilities {
  /** Messages arrive and leave in real time (chat, WhatsApp) rather than as mail-like items. */
  realtime: boolean;
  /** Messages belong to threads the provider keeps (e-mail). */
  threads: boolean;
  attachments: boolean;
  /** The contact's typing can be shown and ours sent. */
  typing: boolean;
  /** The channel carries voice media (calls). */
  voiceMedia: boolean;
}

/** A JSON Schema (draft 2020-12 or 07) object describing a plugin's account settings. */
export type JsonSchemaObject = Record<string, unknown>;

/** A loaded channel plugin as `GET /api/v1/channels` lists it. */
export interface ChannelSummary {
  id: string;
  displayName: string;
  capabilities: ChannelCapabilities;
  /** Most concurrent interactions an agent gets on this channel unless configured (0 = unlimited). */
  defaultCapacity: number;
  settingsSchema: JsonSchemaObject;
}
