import type { Routes } from '@angular/router';
import { historyGuard } from './history-access';

export default [
  { path: '', title: 'History · Switchboard', canActivate: [historyGuard], loadComponent: () => import('./history-page.component').then((m) => m.HistoryPageComponent) },
] satisfies Routes;
