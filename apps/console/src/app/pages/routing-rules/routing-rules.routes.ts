import type { Routes } from '@angular/router';

export default [
  { path: '', title: 'Routing rules · Switchboard', loadComponent: () => import('./routing-rules-page.component').then((m) => m.RoutingRulesPageComponent) },
  { path: 'new', title: 'New routing rule · Switchboard', loadComponent: () => import('./rule-editor-page.component').then((m) => m.RuleEditorPageComponent) },
  { path: ':id', title: 'Routing rule · Switchboard', loadComponent: () => import('./rule-editor-page.component').then((m) => m.RuleEditorPageComponent) },
] satisfies Routes;
