import type { DynamicModule, Type } from '@nestjs/common';
import type { ChannelManifest, ChannelPlugin } from './channel-plugin';

/**
 * What a plugin package exports from its index.ts: its manifest, its NestJS module, and the
 * provider class (declared in that module) that implements ChannelPlugin.
 */
export interface ChannelPluginDefinition {
  manifest: ChannelManifest;
  module: Type<unknown> | DynamicModule;
  channel: Type<ChannelPlugin>;
}

/** Identity function that gives a plugin's definition its type (and a place for future checks). */
export function defineChannelPlugin(definition: ChannelPluginDefinition): ChannelPluginDefinition {
  return definition;
}
