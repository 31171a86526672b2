import { CONSOLE_NAMESPACE, type Desk, type InboundRequest, type Offer, type SocketActionResult } from '@switchboard/contracts';
import { createTestDatabaseLocation, type TestDatabaseLocation } from '@switchboard/db/testing';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { ADMIN, startServer, type ServerProcess } from './server-process';

/**
 * Several built API processes on one fresh PostgreSQL database and one Redis, with simulated
 * agents and contacts: shared by the two-node routing test and the routing benchmark.
 */
export interface Cluster {
  nodes: ServerProcess[];
  databaseUrl: string;
  token: string;
  stop(): Promise<void>;
}

export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  if (!process.env['DATABASE_URL'] || !process.env['REDIS_URL']) throw new Error('The routing cluster needs DATABASE_URL and REDIS_URL (server PostgreSQL and Redis)');
  const location: TestDatabaseLocation = await createTestDatabaseLocation();
  const shared = {
    DATABASE_URL: location.databaseUrl as string,
    REDIS_URL: process.env['REDIS_URL'],
    REDIS_KEY_PREFIX: `sbload-${randomUUID().slice(0, 8)}`,
    DATA_DIR: location.dataDir,
    JWT_SECRET: randomUUID() + randomUUID(),
    ...env,
  };
  const nodes: ServerProcess[] = [];
  try {
    // Each node in its own session, as services run: the load generator is this process.
    for (let i = 0; i < count; i++) nodes.push(await startServer(shared, undefined, { ownSession: true }));
  } catch (error) {
    await Promise.all(nodes.map((n) => n.stop()));
    await location.dispose();
    throw error;
  }
  const token = await loginAs(nodes[0] as ServerProcess, ADMIN.username, ADMIN.password);
  return {
    nodes,
    databaseUrl: shared.DATABASE_URL,
    token,
    async stop() {
      await Promise.all(nodes.map((n) => (n.child.exitCode === null && n.child.signalCode === null ? n.stop() : Promise.resolve(null))));
      await location.dispose();
    },
  };
}

export async function loginAs(node: ServerProcess, login: string, password: string): Promise<string> {
  const response = await fetch(`${node.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (response.status !== 200) throw new Error(`login ${login}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Connections kept open between calls: the load generator shares the machine with the server, so it spends as little as it can. */
// Idle sockets are dropped after 2 s, well before the server's 5 s keep-alive timeout: a request
// sent on a socket the server is closing at that moment fails with ECONNRESET.
const keepAlive = new Agent({ keepAlive: true, timeout: 2000 });

/** A JSON API call; throws on a status other than `expect`. */
export function api<T>(node: ServerProcess, token: string, method: string, path: string, body?: unknown, expect = [200, 201, 204]): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
  if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  return new Promise<T>((resolve, reject) => {
    const call = request(`${node.url}/api/v1${path}`, { method, headers, agent: keepAlive }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (!expect.includes(response.statusCode ?? 0)) reject(new Error(`${method} ${path}: ${response.statusCode} ${text}`));
        else resolve((text ? JSON.parse(text) : null) as T);
      });
    });
    call.on('error', reject);
    call.end(payload);
  });
}

/** How a simulated agent answers offers. */
export interface AgentBehaviour {
  /** Milliseconds before accepting (or rejecting) an offer: [min, max]. */
  answerMs: [number, number];
  /** Milliseconds an accepted interaction stays open: [min, max]. */
  holdMs: [number, number];
  /** Share of offers rejected (0–1). */
  rejectShare: number;
}

const between = ([min, max]: [number, number]) => min + Math.random() * (max - min);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An agent's console as a socket.io client: accepts (or rejects) offers after a while, closes
 * what it accepted, and moves to another node when its node dies.
 */
export class SimulatedAgent {
  socket!: Socket;
  readonly offerTimes = new Map<string, number>();
  readonly accepted = new Set<string>();
  readonly closed = new Set<string>();
  private stopped = false;
  private nodeIndex: number;

  constructor(
    readonly id: string,
    private readonly token: string,
    private readonly nodes: readonly ServerProcess[],
    startNode: number,
    private readonly behaviour: AgentBehaviour | null,
    private readonly onOffer?: (offer: Offer, at: number) => void,
  ) {
    this.nodeIndex = startNode;
  }

  async connect(): Promise<void> {
    const node = this.nodes[this.nodeIndex] as ServerProcess;
    this.socket = io(`${node.url}${CONSOLE_NAMESPACE}`, { auth: { token: this.token }, transports: ['websocket'], reconnection: false });
    this.socket.on('offer.new', (offer: Offer) => {
      const at = performance.now();
      this.offerTimes.set(offer.interaction.id, at);
      this.onOffer?.(offer, at);
      if (this.behaviour) void this.answer(offer);
    });
    this.socket.on('disconnect', () => {
      if (!this.stopped) void this.failOver();
    });
    await new Promise<void>((resolve, reject) => {
      this.socket.once('session.ready', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** The node died: reconnect to the next live one. */
  private async failOver(): Promise<void> {
    for (let attempt = 0; attempt < 50 && !this.stopped; attempt++) {
      this.nodeIndex = (this.nodeIndex + 1) % this.nodes.length;
      const node = this.nodes[this.nodeIndex] as ServerProcess;
      if (node.child.exitCode !== null || node.child.signalCode !== null) continue;
      try {
        await this.connect();
        // As the console does after a reconnect: read the desk, since answers sent to the dead node may
        // have been applied without an acknowledgement reaching us.
        const desk = await api<Desk>(node, this.token, 'GET', '/routing/desk');
        for (const interaction of desk.interactions) {
          this.accepted.add(interaction.id);
          if (this.behaviour) void this.close(interaction.id);
        }
        for (const offer of desk.offers) if (this.behaviour) void this.answer(offer);
        return;
      } catch {
        await sleep(200);
      }
    }
  }

  private async answer(offer: Offer): Promise<void> {
    const behaviour = this.behaviour as AgentBehaviour;
    await sleep(between(behaviour.answerMs));
    if (Math.random() < behaviour.rejectShare) {
      await this.emit('offer.reject', { offerId: offer.id });
      return;
    }
    const result = await this.emit<unknown>('offer.accept', { offerId: offer.id });
    if (!result?.ok) return;
    this.accepted.add(offer.interaction.id);
    await sleep(between(behaviour.holdMs));
    await this.close(offer.interaction.id);
  }

  private async close(interactionId: string): Promise<void> {
    for (let attempt = 0; attempt < 20 && !this.stopped; attempt++) {
      const result = await this.emit('interaction.close', { interactionId });
      if (result?.ok || result?.error.statusCode === 404) {
        this.closed.add(interactionId);
        return;
      }
      await sleep(250);
    }
  }

  /** Emits with an acknowledgement; null when the socket dropped meanwhile. */
  private emit<T>(event: string, payload: unknown): Promise<SocketActionResult<T> | null> {
    return new Promise((resolve) => {
      if (!this.socket.connected) return resolve(null);
      const timer = setTimeout(() => resolve(null), 10_000);
      this.socket.emit(event, payload, (result: SocketActionResult<T>) => {
        clearTimeout(timer);
        resolve(result);
      });
    });
  }

  stop(): void {
    this.stopped = true;
    this.socket?.disconnect();
  }
}

/** Creates agents over the API (on node 0) and answers them with their passwords. */
export async function createAgents(cluster: Cluster, count: number, fields: (i: number) => Record<string, unknown>): Promise<Array<{ id: string; username: string; password: string }>> {
  const node = cluster.nodes[0] as ServerProcess;
  const agents = [];
  for (let i = 0; i < count; i++) {
    const username = `load${i}_${randomUUID().slice(0, 6)}`;
    const password = `Load-pass-${i}-${randomUUID().slice(0, 8)}`;
    const created = await api<{ id: string }>(node, cluster.token, 'POST', '/agents', { username, fullName: `Load Agent ${i}`, email: `${username}@example.com`, password, ...fields(i) });
    agents.push({ id: created.id, username, password });
  }
  return agents;
}

/** Posts inbound messages with `concurrency` in flight, round-robin over the live nodes (a dead node's share retried on another). */
export async function sendInbound(cluster: Cluster, messages: readonly InboundRequest[], concurrency: number, onSent?: (message: InboundRequest, at: number) => void): Promise<string[]> {
  const ids: string[] = new Array(messages.length);
  let next = 0;
  const worker = async (w: number) => {
    for (let i = next++; i < messages.length; i = next++) {
      const message = messages[i] as InboundRequest;
      for (let attempt = 0; ; attempt++) {
        const node = cluster.nodes[(i + w + attempt) % cluster.nodes.length] as ServerProcess;
        if (node.child.exitCode !== null || node.child.signalCode !== null) continue;
        try {
          onSent?.(message, performance.now());
          const result = await api<{ interactionId: string }>(node, cluster.token, 'POST', '/interactions/inbound', message);
          ids[i] = result.interactionId;
          break;
        } catch (error) {
          // The node died mid-request: the same message again elsewhere (deduped on its id).
          if (attempt > 10) throw error;
          await sleep(50);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return ids;
}

/** What one sample of the database saw: agents over a capacity or the tab limit, and interactions held twice. */
export interface InvariantSample {
  overCapacity: string[];
  overTabLimit: string[];
  heldTwice: string[];
  /** Active interactions whose agent holds no reservation of them. */
  unheld: string[];
}

/**
 * Samples the invariant straight from PostgreSQL, each sample one statement (one snapshot): the
 * reservations (pending offers and held interactions) per agent and channel against the agent's
 * capacity (voice: one) and tab limit, and interactions held by two agents.
 */
export class InvariantSampler {
  private readonly client: Client;
  readonly samples: InvariantSample[] = [];
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(databaseUrl: string) {
    this.client = new Client({ connectionString: databaseUrl });
  }

  /** Connects without sampling (for queries of one's own). */
  async connect(): Promise<void> {
    await this.client.connect();
  }

  async start(everyMs: number): Promise<void> {
    await this.client.connect();
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        this.samples.push(await this.sample());
        await sleep(everyMs);
      }
    })();
  }

  async sample(): Promise<InvariantSample> {
    const { rows } = await this.client.query<{ kind: string; id: string }>(`
      with held as (select agent_id, channel, count(*)::int as n from routing_offers group by agent_id, channel),
           totals as (select agent_id, sum(n)::int as n from held group by agent_id)
      select 'capacity' as kind, h.agent_id::text || ':' || h.channel as id
        from held h join routing_agents a using (agent_id)
       where h.n > case when h.channel = 'voice' then 1 else coalesce(nullif((a.capacity ->> h.channel)::int, 0), 2147483647) end
      union all
      select 'tabs', t.agent_id::text from totals t join routing_agents a using (agent_id) where a.tab_limit > 0 and t.n > a.tab_limit
      union all
      select 'twice', interaction_id::text from routing_offers where state = 'active' group by interaction_id having count(*) > 1
      union all
      select 'unheld', id::text from interactions where status = 'active' and id not in (select interaction_id from routing_offers where state = 'active' and agent_id = interactions.agent_id)`);
    return {
      overCapacity: rows.filter((r) => r.kind === 'capacity').map((r) => r.id),
      overTabLimit: rows.filter((r) => r.kind === 'tabs').map((r) => r.id),
      heldTwice: rows.filter((r) => r.kind === 'twice').map((r) => r.id),
      unheld: rows.filter((r) => r.kind === 'unheld').map((r) => r.id),
    };
  }

  query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.client.query<T>(sql, params).then((r) => r.rows);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.client.end();
  }

  violations(): InvariantSample[] {
    return this.samples.filter((s) => s.overCapacity.length || s.overTabLimit.length || s.heldTwice.length || s.unheld.length);
  }
}
