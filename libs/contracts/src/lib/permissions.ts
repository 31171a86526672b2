import type { Role } from './auth';

/**
 * Console modules an agent may see (seed: "Permissions: Enable/Disable Agents to use features
 * and applications"). A new agent has all of them.
 */
export const ConsoleModule = {
  Desktop: 'desktop',
  Chat: 'chat',
  Email: 'email',
  Sms: 'sms',
  WhatsApp: 'whatsapp',
  Voice: 'voice',
  OpenChannel: 'openchannel',
  History: 'history',
  CannedAnswers: 'cannedAnswers',
  Messenger: 'messenger',
} as const;
export type ConsoleModule = (typeof ConsoleModule)[keyof typeof ConsoleModule];
export const CONSOLE_MODULES: readonly ConsoleModule[] = Object.values(ConsoleModule);

/** What an agent may download (seed: "Download Permissions"). */
export const DownloadKind = {
  Attachments: 'attachments',
  Interactions: 'interactions',
  Recordings: 'recordings',
} as const;
export type DownloadKind = (typeof DownloadKind)[keyof typeof DownloadKind];
export const DOWNLOAD_KINDS: readonly DownloadKind[] = Object.values(DownloadKind);

/** An agent's own switches: which modules the console shows and what the API lets them download. */
export interface AgentPermissions {
  modules: Record<ConsoleModule, boolean>;
  downloads: Record<DownloadKind, boolean>;
}

/** All modules on, all downloads on: what a new agent gets. */
export function defaultAgentPermissions(): AgentPermissions {
  return {
    modules: Object.fromEntries(CONSOLE_MODULES.map((m) => [m, true])) as Record<ConsoleModule, boolean>,
    downloads: Object.fromEntries(DOWNLOAD_KINDS.map((d) => [d, true])) as Record<DownloadKind, boolean>,
  };
}

/**
 * The permission catalogue. Names are `<area>.<action>`; module and download permissions are
 * `module.<ConsoleModule>` and `download.<DownloadKind>` and come from the agent's own switches.
 */
export const Permission = {
  AgentsRead: 'agents.read',
  AgentsCreate: 'agents.create',
  AgentsUpdate: 'agents.update',
  AgentsDelete: 'agents.delete',
  AgentsImport: 'agents.import',
  AgentsExport: 'agents.export',
  AgentsSetRole: 'agents.setRole',
  AgentsSetPermissions: 'agents.setPermissions',
  TeamsRead: 'teams.read',
  TeamsManage: 'teams.manage',
  QueuesRead: 'queues.read',
  QueuesManage: 'queues.manage',
  QueueMembersManage: 'queues.members',
  QueueSupervisorsManage: 'queues.supervisors',
  LicenseRead: 'license.read',
  InteractionsReadAll: 'interactions.readAll',
  ChannelsRead: 'channels.read',
  ContactsRead: 'contacts.read',
  ContactsWrite: 'contacts.write',
  /** Security settings, agents' locks, MFA and sessions, the mail outbox. */
  SecurityManage: 'security.manage',
  AuditRead: 'audit.read',
  /** Routing rules, pause reasons, offline-message recipients, routing settings. */
  RoutingManage: 'routing.manage',
  /** See the presence of agents (their own agents for a supervisor). */
  PresenceRead: 'presence.read',
  /** Set another agent's status (audited). */
  PresenceManage: 'presence.manage',
  /** Hand inbound messages to the kernel over REST (integrations). */
  InteractionsInject: 'interactions.inject',
  /** Websites with the chat box: their agents, form, hours and embed. */
  SitesManage: 'sites.manage',
  /** The chat blacklist: IP ranges refused before any interaction exists. */
  BlacklistManage: 'blacklist.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission] | `module.${ConsoleModule}` | `download.${DownloadKind}`;

/** What each role may do, before scope (a supervisor acts only on agents of their queues). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: Object.values(Permission),
  supervisor: [
    Permission.AgentsRead,
    Permission.AgentsCreate,
    Permission.AgentsUpdate,
    Permission.AgentsDelete,
    Permission.AgentsImport,
    Permission.AgentsExport,
    Permission.TeamsRead,
    Permission.QueuesRead,
    Permission.QueueMembersManage,
    Permission.LicenseRead,
    Permission.InteractionsReadAll,
    Permission.ChannelsRead,
    Permission.ContactsRead,
    Permission.ContactsWrite,
    Permission.PresenceRead,
    Permission.PresenceManage,
  ],
  agent: [Permission.ChannelsRead, Permission.ContactsRead, Permission.ContactsWrite],
};

const RANK: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2 };

/** True when `role` is above `than` (admin > supervisor > agent). */
export function roleOutranks(role: Role, than: Role): boolean {
  return RANK[role] > RANK[than];
}

/**
 * Whether a user holds a permission: admins hold everything; module and download permissions
 * come from the user's own switches; the rest from the role.
 */
export function hasPermission(user: { role: Role; permissions: AgentPermissions }, permission: Permission): boolean {
  if (user.role === 'admin') return true;
  const [area, name] = permission.split('.') as [string, string];
  if (area === 'module') return user.permissions.modules[name as ConsoleModule] === true;
  if (area === 'download') return user.permissions.downloads[name as DownloadKind] === true;
  return ROLE_PERMISSIONS[user.role].includes(permission);
}
