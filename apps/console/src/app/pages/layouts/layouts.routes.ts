import type { Routes } from '@angular/router';

export default [
  { path: '', title: 'Chat layouts · Switchboard', loadComponent: () => import('./layouts-page.component').then((m) => m.LayoutsPageComponent) },
  { path: ':id', title: 'Chat layout · Switchboard', loadComponent: () => import('./layout-editor-page.component').then((m) => m.LayoutEditorPageComponent) },
] satisfies Routes;
