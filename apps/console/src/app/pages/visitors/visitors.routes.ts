import type { Routes } from '@angular/router';

export default [{ path: '', title: 'Visitors · Switchboard', loadComponent: () => import('./visitors-page.component').then((m) => m.VisitorsPageComponent) }] satisfies Routes;
