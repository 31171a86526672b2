import { AGENT_CSV_COLUMNS, STAFF_CHANNELS, type Agent, type AgentCsvColumn, type StaffChannel } from '@switchboard/contracts';
import { neutraliseFormula } from '@switchboard/contracts';
import { typedCell } from './csv-cells';

const BOOLEAN_COLUMNS = new Set<AgentCsvColumn>(['voicemail', 'loginInPause', 'disabled']);
const INTEGER_COLUMNS = new Set<AgentCsvColumn>(['tabLimit']);

/** `capacityChat` → `chat`. */
const CAPACITY_OF_COLUMN = new Map<string, StaffChannel>(
  STAFF_CHANNELS.map((c) => [`capacity${c[0]?.toUpperCase()}${c.slice(1)}`, c]),
);

export const REQUIRED_COLUMNS: AgentCsvColumn[] = ['username', 'fullName', 'email'];

/** The create request one CSV row stands for. */
export function rowToRequest(header: readonly AgentCsvColumn[], cells: readonly string[]): Record<string, unknown> {
  const request: Record<string, unknown> = {};
  const capacity: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const raw = cells[i] ?? '';
    const channel = CAPACITY_OF_COLUMN.get(column);
    if (channel) {
      const value = typedCell(raw, 'integer');
      if (value !== undefined) capacity[channel] = value;
      return;
    }
    const kind = BOOLEAN_COLUMNS.has(column) ? 'boolean' : INTEGER_COLUMNS.has(column) ? 'integer' : 'text';
    // The password is taken as typed: spaces may be part of it.
    const value = column === 'password' ? (raw === '' ? undefined : raw) : typedCell(raw, kind);
    if (value !== undefined) request[column] = value;
  });
  if (Object.keys(capacity).length) request['capacity'] = capacity;
  return request;
}

/** `capacity.chat` → `capacityChat`, so a row's error names the column the user sees. */
export function columnOfField(field: string): string {
  const [head, channel] = field.split('.');
  if (head === 'capacity' && channel) return `capacity${channel[0]?.toUpperCase()}${channel.slice(1)}`;
  return head ?? field;
}

export const EXPORT_COLUMNS = AGENT_CSV_COLUMNS.filter((c) => c !== 'password');

/** One agent as an export row (never a password or hash), formula-safe. */
export function agentToRow(agent: Agent): string[] {
  return EXPORT_COLUMNS.map((column) => {
    const channel = CAPACITY_OF_COLUMN.get(column);
    const value = channel ? agent.capacity[channel] : agent[column as Exclude<AgentCsvColumn, 'password'> & keyof Agent];
    return neutraliseFormula(value === null || value === undefined ? '' : String(value));
  });
}
