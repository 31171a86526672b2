import type { Routes } from '@angular/router';

export default [
  { path: '', title: 'Sites · Switchboard', loadComponent: () => import('./sites-page.component').then((m) => m.SitesPageComponent) },
  { path: 'new', title: 'New site · Switchboard', loadComponent: () => import('./site-editor-page.component').then((m) => m.SiteEditorPageComponent) },
  { path: ':id', title: 'Site · Switchboard', loadComponent: () => import('./site-editor-page.component').then((m) => m.SiteEditorPageComponent) },
] satisfies Routes;
