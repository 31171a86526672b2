import type { Role } from './auth';
import type { StaffChannel } from './channels-kinds';
import type { AgentPermissions } from './permissions';

/** How the agent's phone works (seed: Typology). */
export const Typology = { Phonebar: 'phonebar', External: 'external', WebRtc: 'webrtc', Mobile: 'mobile' } as const;
export type Typology = (typeof Typology)[keyof typeof Typology];
export const TYPOLOGIES: readonly Typology[] = Object.values(Typology);

/** Where the console shows toast notifications for this agent (default top-right). */
export const TOAST_POSITIONS = ['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right'] as const;
export type ToastPosition = (typeof TOAST_POSITIONS)[number];

/** Username rule: letters, digits, "." and "_" (seed: "only letters, numbers or special characters like ._"). */
export const USERNAME_PATTERN = /^[A-Za-z0-9._]+$/;
/** An internal extension: digits only. */
export const EXTENSION_PATTERN = /^[0-9]{2,15}$/;

/** The most concurrent interactions per channel; 0 = unlimited; voice is 0 or 1. */
export type ChannelCapacity = Record<StaffChannel, number>;

export interface AutoAnswerSetting {
  enabled: boolean;
  delaySeconds: number;
}
/** Auto answer per channel (seed: "you can enable this feature for each channel ... answer delay in seconds"). */
export type AutoAnswer = Record<StaffChannel, AutoAnswerSetting>;

/** An agent (any staff user: admin, supervisor or agent) as the API returns it. Never a secret. */
export interface Agent {
  id: string;
  username: string;
  fullName: string;
  alias: string | null;
  typology: Typology;
  email: string;
  role: Role;
  extension: string;
  description: string | null;
  voicemail: boolean;
  loginInPause: boolean;
  toastPosition: ToastPosition;
  disabled: boolean;
  capacity: ChannelCapacity;
  /** The most open interactions across all channels (the desktop's tabs); 0 = unlimited. */
  tabLimit: number;
  autoAnswer: AutoAnswer;
  permissions: AgentPermissions;
  /** Seed: "Mask Sensitive Data": contacts' names, phones and e-mails reach this agent masked. */
  maskSensitiveData: boolean;
  hasAvatar: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/v1/agents`. Omit `password` to have one generated (answered once). */
export interface CreateAgentRequest {
  username: string;
  fullName: string;
  email: string;
  password?: string;
  alias?: string | null;
  typology?: Typology;
  role?: Role;
  extension?: string;
  description?: string | null;
  voicemail?: boolean;
  loginInPause?: boolean;
  toastPosition?: ToastPosition;
  disabled?: boolean;
  capacity?: Partial<ChannelCapacity>;
  tabLimit?: number;
  autoAnswer?: Partial<AutoAnswer>;
  permissions?: { modules?: Partial<AgentPermissions['modules']>; downloads?: Partial<AgentPermissions['downloads']> };
  /** Only administrators may set it. */
  maskSensitiveData?: boolean;
  /** Queues to place the new agent in (required for a supervisor: one of their own queues). */
  queueIds?: string[];
}

export type UpdateAgentRequest = Partial<Omit<CreateAgentRequest, 'password' | 'queueIds'>>;

export interface CreatedAgent extends Agent {
  /** Present only when the server generated the password; shown once, never stored in clear. */
  generatedPassword?: string;
}

/** `PUT /api/v1/agents/:id/password`: omit `password` to generate one. */
export interface SetPasswordRequest {
  password?: string;
}
export interface SetPasswordResponse {
  generatedPassword?: string;
}

export type AgentSortField = 'username' | 'fullName' | 'email' | 'role' | 'extension' | 'createdAt';

/** Query of `GET /api/v1/agents`. */
export interface AgentListQuery {
  q?: string;
  role?: Role;
  typology?: Typology;
  disabled?: boolean;
  teamId?: string;
  queueId?: string;
  sort?: AgentSortField;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** One problem in one row of an imported CSV (rows count the header as row 1). */
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

/** Answer of `POST /api/v1/agents/import`. */
export interface ImportReport {
  /** Agents created (0 on a dry run, and 0 when `atomic` and any row is bad). */
  created: number;
  /** Rows that passed every check. */
  valid: number;
  /** Data rows in the file (the header excluded). */
  rows: number;
  dryRun: boolean;
  atomic: boolean;
  errors: ImportRowError[];
  /** Passwords the server generated for rows without one; shown once. */
  generatedPasswords: { row: number; username: string; password: string }[];
}

/** The CSV columns of import and export, in order. Only `username`, `fullName` and `email` are required. */
export const AGENT_CSV_COLUMNS = [
  'username',
  'fullName',
  'email',
  'password',
  'alias',
  'typology',
  'role',
  'extension',
  'description',
  'voicemail',
  'loginInPause',
  'toastPosition',
  'disabled',
  'capacityChat',
  'capacityEmail',
  'capacitySms',
  'capacityWhatsapp',
  'capacityVoice',
  'capacityOpenchannel',
  'tabLimit',
] as const;
export type AgentCsvColumn = (typeof AGENT_CSV_COLUMNS)[number];

/** Socket event sent to the importing user while an import runs. */
export interface ImportProgress {
  importId: string;
  phase: 'validating' | 'hashing' | 'saving' | 'done';
  processed: number;
  total: number;
}

/** `GET /api/v1/license`: seats are active (not disabled) staff accounts; 0 seats = unlimited. */
export interface LicenseStatus {
  seats: number;
  used: number;
  available: number | null;
  full: boolean;
}
