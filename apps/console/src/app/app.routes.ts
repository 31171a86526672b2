import type { Routes } from '@angular/router';
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
    ],
  },
  { path: '**', redirectTo: '' },
];
