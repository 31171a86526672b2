import type { Routes } from '@angular/router';

export default [
  { path: '', title: 'Offline messages · Switchboard', loadComponent: () => import('./offline-messages-page.component').then((m) => m.OfflineMessagesPageComponent) },
] satisfies Routes;
