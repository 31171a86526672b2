import type { Routes } from '@angular/router';

export default [{ path: '', title: 'My desk · Switchboard', loadComponent: () => import('./desk-page.component').then((m) => m.DeskPageComponent) }] satisfies Routes;
