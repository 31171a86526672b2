import { requestContext } from '@switchboard/audit';

/** The device a session is opened from, as the sessions list shows it. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export function currentClient(): ClientInfo {
  const context = requestContext();
  return { ip: context?.ip ?? null, userAgent: context?.userAgent ?? null };
}
