import type { Routes } from '@angular/router';

export default [{ path: '', title: 'Mail outbox · Switchboard', loadComponent: () => import('./outbox-page.component').then((m) => m.OutboxPageComponent) }] satisfies Routes;
