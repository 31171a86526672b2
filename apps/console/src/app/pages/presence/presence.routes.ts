import type { Routes } from '@angular/router';

export default [{ path: '', title: 'Agents status · Switchboard', loadComponent: () => import('./presence-page.component').then((m) => m.PresencePageComponent) }] satisfies Routes;
