import { hasPermission, Permission, roleOutranks, type CurrentUser, type FieldError, type Role } from '@switchboard/contracts';

/** What an agent-changing request may carry that not everyone may set. */
export interface PrivilegedAgentFields {
  role?: Role;
  permissions?: unknown;
  maskSensitiveData?: boolean;
}

/**
 * The fields of an agent write the actor may not set: a role above their own (and, for a
 * supervisor, any role but agent: supervisors manage agents only), or module and download
 * permissions without the permission to set them. Empty when the write is allowed.
 */
export function refusedAgentFields(actor: CurrentUser, input: PrivilegedAgentFields): FieldError[] {
  const refused: FieldError[] = [];
  if (input.role !== undefined) {
    const mayAssign = hasPermission(actor, Permission.AgentsSetRole) ? !roleOutranks(input.role, actor.role) : input.role === 'agent';
    if (!mayAssign) refused.push({ field: 'role', messages: [`You may not give the role ${input.role}`] });
  }
  if (input.permissions !== undefined && !hasPermission(actor, Permission.AgentsSetPermissions)) {
    refused.push({ field: 'permissions', messages: ['You may not change permissions'] });
  }
  if (input.maskSensitiveData !== undefined && !hasPermission(actor, Permission.SecurityManage)) {
    refused.push({ field: 'maskSensitiveData', messages: ['Only an administrator may change masking'] });
  }
  return refused;
}
