import type { Routes } from '@angular/router';

export default [
  { path: '', title: 'Routing settings · Switchboard', loadComponent: () => import('./routing-settings-page.component').then((m) => m.RoutingSettingsPageComponent) },
] satisfies Routes;
