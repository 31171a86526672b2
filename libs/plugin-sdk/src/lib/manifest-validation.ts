import Ajv2020 from 'ajv/dist/2020';
import type { ChannelManifest } from './channel-plugin';

const CHANNEL_ID = /^[a-z][a-z0-9-]{1,31}$/;
const CAPABILITIES = ['realtime', 'threads', 'attachments', 'typing', 'voiceMedia'] as const;

/**
 * Checks a manifest and returns what is wrong with it (empty when it is valid). The kernel
 * refuses to start on any problem; the plugin test kit reports the same list.
 */
export function validateChannelManifest(manifest: ChannelManifest): string[] {
  const problems: string[] = [];
  if (!CHANNEL_ID.test(manifest.id ?? '')) {
    problems.push(`id "${manifest.id}" must be 2-32 characters: a lower-case letter, then letters, digits or "-"`);
  }
  if (!manifest.displayName?.trim()) problems.push('displayName must not be empty');
  for (const key of CAPABILITIES) {
    if (typeof manifest.capabilities?.[key] !== 'boolean') problems.push(`capabilities.${key} must be true or false`);
  }
  if (!Number.isInteger(manifest.defaultCapacity) || manifest.defaultCapacity < 0) {
    problems.push('defaultCapacity must be an integer of 0 or more (0 = unlimited)');
  }
  problems.push(...settingsSchemaProblems(manifest.settingsSchema));
  return problems;
}

function settingsSchemaProblems(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return ['settingsSchema must be a JSON Schema object'];
  }
  if ((schema as { type?: unknown }).type !== 'object') return ['settingsSchema must describe an object ("type": "object")'];
  try {
    new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    return [];
  } catch (error) {
    return [`settingsSchema is not a valid JSON Schema: ${(error as Error).message}`];
  }
}
