import type { Routes } from '@angular/router';

export default [{ path: '', title: 'Contacts · Switchboard', loadComponent: () => import('./contacts-page.component').then((m) => m.ContactsPageComponent) }] satisfies Routes;
