import type { Routes } from '@angular/router';
import { roleGuard } from './core/role.guard';
import { signedInGuard } from './core/signed-in.guard';

export const routes: Routes = [
  { path: 'login', title: 'Sign in · Switchboard', loadComponent: () => import('./pages/login/login-page.component').then((m) => m.LoginPageComponent) },
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
    ],
  },
  { path: '**', redirectTo: '' },
];
