import type { Routes } from '@angular/router';

export default [{ path: '', title: 'My account · Switchboard', loadComponent: () => import('./account-page.component').then((m) => m.AccountPageComponent) }] satisfies Routes;
