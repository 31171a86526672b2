import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { inject, provideAppInitializer, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { authInterceptor } from './core/auth.interceptor';
import { AuthService } from './core/auth.service';
import { errorInterceptor } from './core/error.interceptor';
import { provideNavItems } from './core/nav';

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor, errorInterceptor])),
    provideAppInitializer(() => inject(AuthService).restore()),
    provideNavItems(
      { path: '/', label: 'Home', icon: 'home', exact: true },
      { path: '/desk', label: 'My desk', icon: 'headset_mic' },
      { path: '/visitors', label: 'Visitors', icon: 'travel_explore' },
      { path: '/history', label: 'History', icon: 'history' },
      { path: '/presence', label: 'Agents status', icon: 'co_present', roles: ['admin', 'supervisor'] },
      { path: '/channels', label: 'Channels', icon: 'hub', roles: ['admin', 'supervisor'] },
      { path: '/agents', label: 'Agents', icon: 'support_agent', roles: ['admin', 'supervisor'] },
      { path: '/teams', label: 'Teams', icon: 'groups', roles: ['admin', 'supervisor'] },
      { path: '/queues', label: 'Queues', icon: 'alt_route', roles: ['admin', 'supervisor'] },
      { path: '/routing', label: 'Routing rules', icon: 'route', roles: ['admin'] },
      { path: '/offline-messages', label: 'Offline messages', icon: 'mark_email_unread', roles: ['admin'] },
      { path: '/settings/routing', label: 'Routing settings', icon: 'tune', roles: ['admin'] },
      { path: '/sites', label: 'Sites', icon: 'language', roles: ['admin'] },
      { path: '/layouts', label: 'Chat layouts', icon: 'dashboard_customize', roles: ['admin'] },
      { path: '/blacklist', label: 'Chat blacklist', icon: 'block', roles: ['admin'] },
      { path: '/contacts', label: 'Contacts', icon: 'contacts' },
      { path: '/settings/security', label: 'Security', icon: 'shield', roles: ['admin'] },
      { path: '/audit', label: 'Audit log', icon: 'policy', roles: ['admin'] },
      { path: '/outbox', label: 'Mail outbox', icon: 'outbox', roles: ['admin'] },
      { path: '/account', label: 'My account', icon: 'manage_accounts' },
    ),
  ],
};
