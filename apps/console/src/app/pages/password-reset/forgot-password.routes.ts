import type { Routes } from '@angular/router';

export default [
  { path: '', title: 'Forgot password · Switchboard', loadComponent: () => import('./forgot-password-page.component').then((m) => m.ForgotPasswordPageComponent) },
] satisfies Routes;
