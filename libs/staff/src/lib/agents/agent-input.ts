import { STAFF_CHANNELS, type CurrentUser, type FieldError } from '@switchboard/contracts';
import { refusedAgentFields } from '@switchboard/permissions';
import type { CreateAgentDto, UpdateAgentDto } from '../dto/agent.dto';
import type { UserEntity } from '../entities/user.entity';
import { CAPACITY_COLUMN } from './agent.mapper';

/**
 * The columns a create or update request sets, merged over the agent's current values for the
 * nested settings (capacity, auto answer, permissions). Never the password or queues.
 */
export function agentColumns(input: CreateAgentDto | UpdateAgentDto, current?: UserEntity): Partial<UserEntity> {
  const { capacity, autoAnswer, permissions, ...plain } = input as CreateAgentDto;
  const columns: Partial<UserEntity> = {};
  for (const key of ['username', 'fullName', 'email', 'alias', 'typology', 'role', 'extension', 'description', 'voicemail', 'loginInPause', 'toastPosition', 'disabled', 'tabLimit', 'maskSensitiveData'] as const) {
    if (plain[key] !== undefined) (columns as Record<string, unknown>)[key] = plain[key];
  }
  for (const channel of STAFF_CHANNELS) {
    const value = capacity?.[channel];
    if (value !== undefined) columns[CAPACITY_COLUMN[channel]] = value;
  }
  if (autoAnswer) columns.autoAnswer = { ...current?.autoAnswer, ...defined(autoAnswer) };
  if (permissions) {
    columns.permissions = {
      modules: { ...current?.permissions.modules, ...defined(permissions.modules) },
      downloads: { ...current?.permissions.downloads, ...defined(permissions.downloads) },
    };
  }
  return columns;
}

/** The keys a request set (DTO instances carry every declared key, unset ones as undefined). */
function defined<T extends object>(values: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The fields of the request the actor may not set (see refusedAgentFields). */
export function refusedFields(actor: CurrentUser, input: CreateAgentDto | UpdateAgentDto): FieldError[] {
  return refusedAgentFields(actor, { role: input.role, permissions: input.permissions, maskSensitiveData: input.maskSensitiveData });
}
