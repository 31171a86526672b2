import type { BoardColumn, BoardPerson } from './agent-board.component';

/** Seed 002's two tiers of agents: high priority is tried first, low when none of them can answer. */
export const HIGH_PRIORITY = 1;
export const LOW_PRIORITY = 2;

/** An agent with a priority, as the API hands them back (a rule's, a site's). */
export interface PriorityAgent {
  agentId: string;
  priority: number;
  username: string;
  fullName: string;
}

/** A board's High and Low priority columns; their test ids are `<prefix>-high` and `<prefix>-low`. */
export function priorityColumns(prefix: string): readonly BoardColumn[] {
  return [
    { label: 'High priority', hint: 'Offered the chat first (priority 1)', testId: `${prefix}-high` },
    { label: 'Low priority', hint: 'When no high priority agent can take it (priority 2)', testId: `${prefix}-low` },
  ];
}

/** The two columns from saved agents; a priority below high (set through the API) shows as low. */
export function priorityBoard(agents: readonly PriorityAgent[]): BoardPerson[][] {
  const person = ({ agentId, username, fullName }: PriorityAgent): BoardPerson => ({ id: agentId, username, fullName });
  return [agents.filter((agent) => agent.priority <= HIGH_PRIORITY).map(person), agents.filter((agent) => agent.priority > HIGH_PRIORITY).map(person)];
}

/** The agents to save from the two columns, high priority first. */
export function priorityAgents(board: readonly BoardPerson[][]): Array<{ agentId: string; priority: number }> {
  const [high = [], low = []] = board;
  return [...high.map((person) => ({ agentId: person.id, priority: HIGH_PRIORITY })), ...low.map((person) => ({ agentId: person.id, priority: LOW_PRIORITY }))];
}
