import { Injectable } from '@nestjs/common';
import { PresenceStatus, STAFF_CHANNELS, StaffChannel, type AutoAnswer } from '@switchboard/contracts';
import { DataSource } from 'typeorm';

/** An agent's row in the router: presence, room and load. */
export interface AgentState {
  agentId: string;
  status: PresenceStatus;
  pauseReasonId: string | null;
  statusSince: Date;
  disabledChannels: StaffChannel[];
  capacity: Partial<Record<StaffChannel, number>>;
  tabLimit: number;
  autoAnswer: Partial<AutoAnswer>;
  loginInPause: boolean;
  active: boolean;
  loads: Partial<Record<StaffChannel, number>>;
  total: number;
}

export const AGENT_STATE_COLUMNS = `agent_id as "agentId", status, pause_reason_id as "pauseReasonId", status_since as "statusSince",
  disabled_channels as "disabledChannels", capacity, tab_limit as "tabLimit", auto_answer as "autoAnswer",
  login_in_pause as "loginInPause", active, loads, total`;

/** An agent's state read as JSON (`row_to_json` of a part holding AGENT_STATE_COLUMNS). */
export type AgentStateJson = Omit<AgentState, 'statusSince'> & { statusSince: string };

export function agentStateFromJson(raw: AgentStateJson): AgentState {
  return { ...raw, statusSince: new Date(raw.statusSince) };
}

/** The most a channel allows at once: its capacity (0 = unlimited), and one call on voice. */
export function channelLimit(state: Pick<AgentState, 'capacity'>, channel: StaffChannel): number {
  return channel === StaffChannel.Voice ? 1 : (state.capacity[channel] ?? 0);
}

/** Channels on which the agent could take one more interaction now (the arbiter decides for sure). */
export function channelsWithRoom(state: AgentState): StaffChannel[] {
  if (state.status !== PresenceStatus.Online || !state.active) return [];
  if (state.tabLimit > 0 && state.total >= state.tabLimit) return [];
  return STAFF_CHANNELS.filter((channel) => {
    if (state.disabledChannels.includes(channel)) return false;
    const limit = channelLimit(state, channel);
    return limit === 0 || (state.loads[channel] ?? 0) < limit;
  });
}

/** Reads the router's agent rows. */
@Injectable()
export class AgentStateStore {
  constructor(private readonly dataSource: DataSource) {}

  async get(agentId: string): Promise<AgentState | null> {
    const [row] = await this.dataSource.query(`select ${AGENT_STATE_COLUMNS} from routing_agents where agent_id = $1`, [agentId]);
    return (row as AgentState | undefined) ?? null;
  }

  /** Whether any of these agents (null = any agent) is online with the channel switched on. */
  async anyOnline(channel: StaffChannel, agentIds: readonly string[] | null): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `select exists (select 1 from routing_agents where status = 'online' and active and not ($1::text = any(disabled_channels))
         and ($2::uuid[] is null or agent_id = any($2::uuid[]))) as yes`,
      [channel, agentIds],
    );
    return (row as { yes: boolean }).yes;
  }

  async many(agentIds: readonly string[]): Promise<AgentState[]> {
    if (!agentIds.length) return [];
    return this.dataSource.query(`select ${AGENT_STATE_COLUMNS} from routing_agents where agent_id = any($1::uuid[])`, [agentIds]);
  }
}
