import type { Routes } from '@angular/router';

export default [
  { path: '', title: 'Agents · Switchboard', loadComponent: () => import('./agents-page.component').then((m) => m.AgentsPageComponent) },
  { path: 'new', title: 'New agent · Switchboard', loadComponent: () => import('./editor/agent-editor-page.component').then((m) => m.AgentEditorPageComponent) },
  { path: ':id', title: 'Agent · Switchboard', loadComponent: () => import('./editor/agent-editor-page.component').then((m) => m.AgentEditorPageComponent) },
] satisfies Routes;
