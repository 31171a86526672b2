import type { Routes } from '@angular/router';

export default [
  {
    path: '',
    title: 'Security settings · Switchboard',
    loadComponent: () => import('./security-settings-page.component').then((m) => m.SecuritySettingsPageComponent),
  },
] satisfies Routes;
