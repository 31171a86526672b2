import type { ToastPosition } from './agents';
import type { AgentPermissions } from './permissions';

/** The three roles of the platform, from the most to the least powerful. */
export const Role = {
  Admin: 'admin',
  Supervisor: 'supervisor',
  Agent: 'agent',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface LoginRequest {
  /** Username or e-mail address, compared without regard to case. */
  login: string;
  password: string;
}


/** The signed-in user as `GET /api/v1/auth/me` returns it. */
export interface CurrentUser {
  id: string;
  username: string;
  email: string;
  fullName: string;
  role: Role;
  /** The user's module and download switches (admins hold everything regardless). */
  permissions: AgentPermissions;
  toastPosition: ToastPosition;
  /** "Mask Sensitive Data": contacts' names, phones and e-mails reach this user masked. */
  maskSensitiveData: boolean;
}
