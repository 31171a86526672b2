import type { Routes } from '@angular/router';

export default [{ path: '', title: 'Teams · Switchboard', loadComponent: () => import('./teams-page.component').then((m) => m.TeamsPageComponent) }] satisfies Routes;
