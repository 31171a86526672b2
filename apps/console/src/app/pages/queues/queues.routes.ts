import type { Routes } from '@angular/router';

export default [
  { path: '', title: 'Queues · Switchboard', loadComponent: () => import('./queues-page.component').then((m) => m.QueuesPageComponent) },
  { path: ':id', title: 'Queue · Switchboard', loadComponent: () => import('./queue-detail-page.component').then((m) => m.QueueDetailPageComponent) },
] satisfies Routes;
