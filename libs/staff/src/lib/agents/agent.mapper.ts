import {
  CONSOLE_MODULES,
  DOWNLOAD_KINDS,
  STAFF_CHANNELS,
  type Agent,
  type AgentPermissions,
  type AutoAnswer,
  type ChannelCapacity,
  type StaffChannel,
} from '@switchboard/contracts';
import type { UserEntity } from '../entities/user.entity';

/** Entity column of each channel's capacity. */
export const CAPACITY_COLUMN = {
  chat: 'capacityChat',
  email: 'capacityEmail',
  sms: 'capacitySms',
  whatsapp: 'capacityWhatsapp',
  voice: 'capacityVoice',
  openchannel: 'capacityOpenchannel',
} as const satisfies Record<StaffChannel, keyof UserEntity>;

export function capacityOf(entity: UserEntity): ChannelCapacity {
  return Object.fromEntries(STAFF_CHANNELS.map((c) => [c, entity[CAPACITY_COLUMN[c]]])) as ChannelCapacity;
}

/** Stored switches completed: a module or download missing from storage is on. */
export function permissionsOf(stored: UserEntity['permissions']): AgentPermissions {
  return {
    modules: Object.fromEntries(CONSOLE_MODULES.map((m) => [m, stored.modules?.[m] ?? true])) as AgentPermissions['modules'],
    downloads: Object.fromEntries(DOWNLOAD_KINDS.map((d) => [d, stored.downloads?.[d] ?? true])) as AgentPermissions['downloads'],
  };
}

export function autoAnswerOf(stored: UserEntity['autoAnswer']): AutoAnswer {
  return Object.fromEntries(
    STAFF_CHANNELS.map((c) => [c, { enabled: stored[c]?.enabled ?? false, delaySeconds: stored[c]?.delaySeconds ?? 0 }]),
  ) as AutoAnswer;
}

export function toAgent(entity: UserEntity, hasAvatar: boolean): Agent {
  return {
    id: entity.id,
    username: entity.username,
    fullName: entity.fullName,
    alias: entity.alias,
    typology: entity.typology,
    email: entity.email,
    role: entity.role,
    extension: entity.extension,
    description: entity.description,
    voicemail: entity.voicemail,
    loginInPause: entity.loginInPause,
    toastPosition: entity.toastPosition,
    disabled: entity.disabled,
    capacity: capacityOf(entity),
    tabLimit: entity.tabLimit,
    autoAnswer: autoAnswerOf(entity.autoAnswer),
    permissions: permissionsOf(entity.permissions),
    maskSensitiveData: entity.maskSensitiveData,
    hasAvatar,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
