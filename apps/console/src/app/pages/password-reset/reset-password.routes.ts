import type { Routes } from '@angular/router';

export default [
  { path: '', title: 'New password · Switchboard', loadComponent: () => import('./reset-password-page.component').then((m) => m.ResetPasswordPageComponent) },
] satisfies Routes;
