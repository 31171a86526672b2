import type { Routes } from '@angular/router';
import { roleGuard } from './core/role.guard';
import { signedInGuard } from './core/signed-in.guard';

export const routes: Routes = [
  { path: 'login', title: 'Sign in · Switchboard', loadComponent: () => import('./pages/login/login-page.component').then((m) => m.LoginPageComponent) },
  { path: 'forgot-password', loadChildren: () => import('./pages/password-reset/forgot-password.routes') },
  { path: 'reset-password', loadChildren: () => import('./pages/password-reset/reset-password.routes') },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', title: 'Switchboard', loadComponent: () => import('./pages/home/home-page.component').then((m) => m.HomePageComponent) },
      { path: 'channels', title: 'Channels · Switchboard', loadComponent: () => import('./pages/channels/channels-page.component').then((m) => m.ChannelsPageComponent) },
      { path: 'agents', canActivate: [roleGuard('admin', 'supervisor')], loadChildren: () => import('./pages/agents/agents.routes') },
      { path: 'teams', canActivate: [roleGuard('admin', 'supervisor')], loadChildren: () => import('./pages/teams/teams.routes') },
      { path: 'queues', canActivate: [roleGuard('admin', 'supervisor')], loadChildren: () => import('./pages/queues/queues.routes') },
      { path: 'contacts', loadChildren: () => import('./pages/contacts/contacts.routes') },
      { path: 'history', loadChildren: () => import('./pages/history/history.routes') },
      { path: 'account', loadChildren: () => import('./pages/account/account.routes') },
      { path: 'settings/security', canActivate: [roleGuard('admin')], loadChildren: () => import('./pages/security-settings/security-settings.routes') },
      { path: 'audit', canActivate: [roleGuard('admin')], loadChildren: () => import('./pages/audit/audit.routes') },
      { path: 'outbox', canActivate: [roleGuard('admin')], loadChildren: () => import('./pages/outbox/outbox.routes') },
      { path: 'desk', loadChildren: () => import('./pages/desk/desk.routes') },
      { path: 'visitors', loadChildren: () => import('./pages/visitors/visitors.routes') },
      { path: 'presence', canActivate: [roleGuard('admin', 'supervisor')], loadChildren: () => import('./pages/presence/presence.routes') },
      { path: 'routing', canActivate: [roleGuard('admin')], loadChildren: () => import('./pages/routing-rules/routing-rules.routes') },
      { path: 'offline-messages', canActivate: [roleGuard('admin')], loadChildren: () => import('./pages/offline-messages/offline-messages.routes') },
      { path: 'settings/routing', canActivate: [roleGuard('admin')], loadChildren: () => import('./pages/routing-settings/routing-settings.routes') },
      { path: 'sites', canActivate: [roleGuard('admin')], loadChildren: () => import('./pages/sites/sites.routes') },
      { path: 'layouts', canActivate: [roleGuard('admin')], loadChildren: () => import('./pages/layouts/layouts.routes') },
      { path: 'blacklist', canActivate: [roleGuard('admin')], loadChildren: () => import('./pages/blacklist/blacklist.routes') },
    ],
  },
  { path: '**', redirectTo: '' },
];
