import type { Routes } from '@angular/router';

export default [{ path: '', title: 'Audit log · Switchboard', loadComponent: () => import('./audit-page.component').then((m) => m.AuditPageComponent) }] satisfies Routes;
