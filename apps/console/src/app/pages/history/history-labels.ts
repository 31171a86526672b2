import type { InteractionStatus } from '@switchboard/contracts';

export const STATUS_LABELS: Record<InteractionStatus, string> = {
  waiting: 'Waiting',
  offered: 'Offered',
  active: 'Active',
  closed: 'Closed',
  abandoned: 'Abandoned',
};
