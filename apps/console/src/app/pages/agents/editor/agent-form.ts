import { Validators, type NonNullableFormBuilder, type ValidatorFn } from '@angular/forms';
import {
  CONSOLE_MODULES,
  DOWNLOAD_KINDS,
  EXTENSION_PATTERN,
  STAFF_CHANNELS,
  USERNAME_PATTERN,
  type Agent,
  type CreateAgentRequest,
  type Role,
  type StaffChannel,
  type ToastPosition,
  type Typology,
  type UpdateAgentRequest,
} from '@switchboard/contracts';

const INTEGER = Validators.pattern(/^\d+$/);

function capacityValidators(channel: StaffChannel): ValidatorFn[] {
  return [Validators.required, Validators.min(0), INTEGER, ...(channel === 'voice' ? [Validators.max(1)] : [])];
}

function record<T>(keys: readonly string[], value: (key: string) => T): Record<string, T> {
  return Object.fromEntries(keys.map((key) => [key, value(key)]));
}

/**
 * The agent form. Its shape mirrors the API's request (same names, same nesting), so a
 * field the server names in an error (`capacity.voice`) is `form.get('capacity.voice')`.
 */
export function agentForm(fb: NonNullableFormBuilder) {
  return fb.group({
    fullName: ['', [Validators.required, Validators.maxLength(200)]],
    username: ['', [Validators.required, Validators.pattern(USERNAME_PATTERN), Validators.maxLength(64)]],
    alias: [''],
    typology: ['phonebar' as Typology],
    email: ['', [Validators.required, Validators.email]],
    role: ['agent' as Role],
    password: [''],
    extension: ['', Validators.pattern(EXTENSION_PATTERN)],
    description: [''],
    voicemail: [false],
    loginInPause: [false],
    toastPosition: ['top-right' as ToastPosition],
    disabled: [false],
    queueIds: [[] as string[]],
    capacity: fb.record(record(STAFF_CHANNELS, (channel) => fb.control(0, capacityValidators(channel as StaffChannel)))),
    tabLimit: [0, [Validators.required, Validators.min(0), INTEGER]],
    autoAnswer: fb.record(
      record(STAFF_CHANNELS, () => fb.group({ enabled: [false], delaySeconds: [0, [Validators.required, Validators.min(0), Validators.max(600), INTEGER]] })),
    ),
    permissions: fb.group({
      modules: fb.record(record(CONSOLE_MODULES, () => fb.control(true))),
      downloads: fb.record(record(DOWNLOAD_KINDS, () => fb.control(true))),
    }),
  });
}

export type AgentForm = ReturnType<typeof agentForm>;
export type AgentFormValue = ReturnType<AgentForm['getRawValue']>;

/** Which tab holds a field: 0 Account, 1 Other Channels, 2 Permissions. */
export function tabOf(field: string): number {
  const root = field.split('.')[0];
  if (root === 'capacity' || root === 'tabLimit' || root === 'autoAnswer') return 1;
  if (root === 'permissions') return 2;
  return 0;
}

export function fillAgentForm(form: AgentForm, agent: Agent): void {
  form.reset({
    fullName: agent.fullName,
    username: agent.username,
    alias: agent.alias ?? '',
    typology: agent.typology,
    email: agent.email,
    role: agent.role,
    password: '',
    extension: agent.extension,
    description: agent.description ?? '',
    voicemail: agent.voicemail,
    loginInPause: agent.loginInPause,
    toastPosition: agent.toastPosition,
    disabled: agent.disabled,
    queueIds: [],
    capacity: { ...agent.capacity },
    tabLimit: agent.tabLimit,
    autoAnswer: structuredClone(agent.autoAnswer),
    permissions: structuredClone(agent.permissions),
  });
}

/** The fields both create and update send. */
function commonFields(value: AgentFormValue, withPermissions: boolean): UpdateAgentRequest {
  return {
    fullName: value.fullName.trim(),
    alias: value.alias.trim() || null,
    typology: value.typology,
    email: value.email.trim(),
    role: value.role,
    description: value.description.trim() || null,
    voicemail: value.voicemail,
    loginInPause: value.loginInPause,
    toastPosition: value.toastPosition,
    disabled: value.disabled,
    capacity: Object.fromEntries(STAFF_CHANNELS.map((channel) => [channel, Number(value.capacity[channel])])),
    tabLimit: Number(value.tabLimit),
    autoAnswer: Object.fromEntries(
      STAFF_CHANNELS.map((channel) => [channel, { enabled: value.autoAnswer[channel]?.enabled ?? false, delaySeconds: Number(value.autoAnswer[channel]?.delaySeconds ?? 0) }]),
    ),
    ...(withPermissions ? { permissions: value.permissions } : {}),
  };
}

export function createRequest(value: AgentFormValue, withPermissions: boolean): CreateAgentRequest {
  return {
    ...commonFields(value, withPermissions),
    username: value.username.trim(),
    fullName: value.fullName.trim(),
    email: value.email.trim(),
    ...(value.password ? { password: value.password } : {}),
    ...(value.queueIds.length ? { queueIds: value.queueIds } : {}),
  };
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : field,
  );
}

/** Only what differs from the stored agent, so a caller never sends a field it may not set but did not touch. */
export function updateRequest(value: AgentFormValue, agent: Agent, withPermissions: boolean): UpdateAgentRequest {
  const next: UpdateAgentRequest = { ...commonFields(value, withPermissions), extension: value.extension.trim() };
  const changed: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(next)) {
    if (canonical(field) !== canonical(agent[key as keyof Agent])) changed[key] = field;
  }
  return changed as UpdateAgentRequest;
}
