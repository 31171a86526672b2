import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defaultAgentPermissions, DomainException, hasPermission, Permission, type CurrentUser, type Role } from '@switchboard/contracts';
import { refusedAgentFields } from './field-write-policy';
import { PermissionsGuard } from './permissions.guard';
import { REQUIRED_PERMISSIONS } from './require-permissions.decorator';

function user(role: Role, change?: (p: CurrentUser['permissions']) => void): CurrentUser {
  const permissions = defaultAgentPermissions();
  change?.(permissions);
  return { id: 'u1', username: 'u', email: 'u@example.com', fullName: 'U', role, permissions, toastPosition: 'top-right', maskSensitiveData: false };
}

function contextFor(signedIn: CurrentUser | undefined, required: string[] | undefined): ExecutionContext {
  const handler = () => undefined;
  if (required) Reflect.defineMetadata(REQUIRED_PERMISSIONS, required, handler);
  return {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => ({ user: signedIn }) }),
  } as unknown as ExecutionContext;
}

describe('permission catalogue', () => {
  it('gives admins everything, supervisors staff work, agents neither users nor licence', () => {
    expect(hasPermission(user('admin'), Permission.QueueSupervisorsManage)).toBe(true);
    expect(hasPermission(user('supervisor'), Permission.AgentsCreate)).toBe(true);
    expect(hasPermission(user('supervisor'), Permission.QueuesManage)).toBe(false);
    for (const p of [Permission.AgentsCreate, Permission.LicenseRead, Permission.InteractionsReadAll]) {
      expect(hasPermission(user('agent'), p)).toBe(false);
    }
  });

  it('takes module and download permissions from the agent\'s own switches', () => {
    const agent = user('agent', (p) => {
      p.modules.history = false;
      p.downloads.recordings = false;
    });
    expect(hasPermission(agent, 'module.history')).toBe(false);
    expect(hasPermission(agent, 'module.chat')).toBe(true);
    expect(hasPermission(agent, 'download.recordings')).toBe(false);
    expect(hasPermission(agent, 'download.attachments')).toBe(true);
  });
});

describe('PermissionsGuard', () => {
  const guard = new PermissionsGuard(new Reflector());

  it('lets a route without requirements through', () => {
    expect(guard.canActivate(contextFor(undefined, undefined))).toBe(true);
  });

  it('refuses with FORBIDDEN a user missing a required permission, and names it', () => {
    const agent = user('agent', (p) => (p.downloads.interactions = false));
    expect(() => guard.canActivate(contextFor(agent, ['download.interactions']))).toThrow(DomainException);
    expect(() => guard.canActivate(contextFor(agent, ['download.interactions']))).toThrow(/download\.interactions/);
    expect(guard.canActivate(contextFor(user('agent'), ['download.interactions']))).toBe(true);
    expect(guard.canActivate(contextFor(user('supervisor'), [Permission.AgentsRead]))).toBe(true);
  });
});

describe('refusedAgentFields', () => {
  it('refuses a role above the actor\'s own and, for supervisors, any role but agent', () => {
    expect(refusedAgentFields(user('supervisor'), { role: 'admin' }).map((f) => f.field)).toEqual(['role']);
    expect(refusedAgentFields(user('supervisor'), { role: 'supervisor' }).map((f) => f.field)).toEqual(['role']);
    expect(refusedAgentFields(user('supervisor'), { role: 'agent' })).toEqual([]);
    expect(refusedAgentFields(user('admin'), { role: 'admin' })).toEqual([]);
  });

  it('refuses permission changes to those who may not set them', () => {
    expect(refusedAgentFields(user('supervisor'), { permissions: {} }).map((f) => f.field)).toEqual(['permissions']);
    expect(refusedAgentFields(user('admin'), { permissions: {} })).toEqual([]);
  });

  it('lets only administrators switch masking', () => {
    expect(refusedAgentFields(user('supervisor'), { maskSensitiveData: false }).map((f) => f.field)).toEqual(['maskSensitiveData']);
    expect(refusedAgentFields(user('admin'), { maskSensitiveData: false })).toEqual([]);
  });
});
