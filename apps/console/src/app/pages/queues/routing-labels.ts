import type { OverflowAction, RoutingStrategy } from '@switchboard/contracts';

export const ROUTING_STRATEGY_LABELS: Record<RoutingStrategy, string> = {
  'ring-all': 'Ring all (every free member at once)',
  'round-robin': 'Round robin',
  'least-recent': 'Longest idle (least recently assigned)',
  'fewest-interactions': 'Fewest open interactions',
  priority: 'By member priority',
};

export const OVERFLOW_ACTION_LABELS: Record<OverflowAction, string> = {
  none: 'Keep waiting',
  queue: 'Move to another queue',
  offline: 'Offline handling (offline message)',
};
