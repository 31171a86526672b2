import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { ConsoleModule, DownloadKind, hasPermission, Permission, type CurrentUser } from '@switchboard/contracts';
import { AuthService } from '../../core/auth.service';

/** What the signed-in user may do on the history page; the API checks the same. */
export interface HistoryAccess {
  /** Filter by agent: only who reads everyone's history and may list agents. */
  agents: boolean;
  /** Filter by site: the site list is for who manages sites. */
  sites: boolean;
  queues: boolean;
  /** Download transcripts (the agent's "Omnichannel interactions" download switch). */
  export: boolean;
}

export function historyAccess(user: CurrentUser | null): HistoryAccess {
  if (!user) return { agents: false, sites: false, queues: false, export: false };
  return {
    agents: hasPermission(user, Permission.InteractionsReadAll) && hasPermission(user, Permission.AgentsRead),
    sites: hasPermission(user, Permission.SitesManage),
    queues: hasPermission(user, Permission.QueuesRead),
    export: hasPermission(user, `download.${DownloadKind.Interactions}`),
  };
}

/** An agent whose History module is switched off lands on the home page (the API would refuse). */
export const historyGuard: CanActivateFn = () => {
  const user = inject(AuthService).user();
  return (user !== null && hasPermission(user, `module.${ConsoleModule.History}`)) || inject(Router).createUrlTree(['/']);
};
