import type { Routes } from '@angular/router';

export default [
  { path: '', title: 'Chat blacklist · Switchboard', loadComponent: () => import('./blacklist-page.component').then((m) => m.BlacklistPageComponent) },
] satisfies Routes;
