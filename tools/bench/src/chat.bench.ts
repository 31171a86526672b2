import { CHAT_NAMESPACE, CONSOLE_NAMESPACE, type ChatResult, type InteractionMessage, type Offer, type Site } from '@switchboard/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { io, type Socket } from 'socket.io-client';
import { api, createAgents, loginAs, startCluster, type Cluster } from '../../dist-tests/src/routing-cluster';
import { freePort, ROOT, type ServerProcess } from '../../dist-tests/src/server-process';

/**
 * Web chat benchmark on server PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), one API node,
 * next to a bare socket.io echo server (tools/bench/echo) measured in the same run with the same
 * number of sockets and the same load.
 *
 * VISITORS widget sockets chat with AGENTS agents (VISITORS / AGENTS chats each). A round trip
 * is a visitor's `chat.message` until its acknowledgement, which the server sends once the
 * message is stored and on its way to the agent; the echo's is an `echo` until its
 * acknowledgement. Also measured: from the visitor's send to the message on the agent's console.
 * 1. Throughput: every socket sends its next message as soon as the last is acknowledged, for
 *    SECONDS; acknowledged messages per second, chat against echo (target ratio >= 0.5).
 * 2. Latency: AGENT_RATE messages per second per agent (spread over their visitors) for SECONDS
 *    after WARMUP_SECONDS uncounted: p50 and p99 (target p99 < 25 ms at 20/s per agent).
 * And the widget's size, gzipped (target <= 35 KB).
 */
const VISITORS = Number(process.env['BENCH_VISITORS'] ?? 1000);
const AGENTS = Number(process.env['BENCH_AGENTS'] ?? 100);
const AGENT_RATE = Number(process.env['BENCH_AGENT_RATE'] ?? 20);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const WARMUP_SECONDS = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 3);
const ORIGIN = 'https://bench.example.com';
const WIDGET = join(ROOT, 'dist/plugins/channel-chat/widget.js');

type Send = (client: number, body: string) => Promise<void>;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens `count` sockets, a few at a time, each resolved by `ready`. */
async function openAll<T>(count: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const opened: T[] = [];
  for (let i = 0; i < count; i += 50) opened.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => open(i + k)))));
  return opened;
}

/** Acknowledged messages per second with every client sending back to back. */
async function closedLoop(clients: number, send: Send, seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  let seq = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end) {
        await send(client, `t:${client}:${seq++}`);
        done++;
      }
    }),
  );
  return done / seconds;
}

/** Round trips (ms, sorted) of `rate` messages per second spread round-robin over the clients; the warm-up is not counted. */
async function openLoop(clients: number, send: Send, rate: number, seconds: number, warmup: number, onSent?: (body: string, at: number) => void): Promise<number[]> {
  const latencies: number[] = [];
  const inflight: Array<Promise<void>> = [];
  const start = performance.now();
  const countFrom = start + warmup * 1000;
  const end = countFrom + seconds * 1000;
  let sent = 0;
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    for (; sent < due; sent++) {
      const at = performance.now();
      const body = `b:${sent}`;
      onSent?.(body, at);
      inflight.push(
        send(sent % clients, body).then(() => {
          if (at >= countFrom) latencies.push(performance.now() - at);
        }),
      );
    }
    await sleep(2);
  }
  await Promise.all(inflight);
  return latencies.sort((a, b) => a - b);
}

/** The bare socket.io echo server, in its own process like the API. */
async function startEcho(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'tools/bench/echo/echo-server.mjs'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`echo server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

function connected(socket: Socket, event: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    socket.once(event, resolve);
    socket.once('connect_error', reject);
  });
}

async function ackOf<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const result = (await socket.timeout(60_000).emitWithAck(event, payload)) as ChatResult<T>;
  if (!result.ok) throw new Error(`${event}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

interface Figures {
  throughput: number;
  p50: number;
  p99: number;
  count: number;
}

async function benchEcho(): Promise<Figures> {
  const echo = await startEcho();
  const sockets = await openAll(VISITORS, async () => {
    const socket = io(echo.url, { transports: ['websocket'], reconnection: false });
    await connected(socket, 'connect');
    return socket;
  });
  try {
    const send: Send = async (client, body) => {
      await (sockets[client] as Socket).timeout(10_000).emitWithAck('echo', { clientId: body, body });
    };
    const throughput = await closedLoop(VISITORS, send, SECONDS);
    console.log(`echo: ${throughput.toFixed(0)} msg/s back to back`);
    const latencies = await openLoop(VISITORS, send, AGENT_RATE * AGENTS, SECONDS, WARMUP_SECONDS);
    return { throughput, p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length };
  } finally {
    sockets.forEach((s) => s.disconnect());
    echo.child.kill('SIGTERM');
  }
}

/** Agents' consoles that accept every offer and note when each visitor message reaches them. */
async function connectAgents(node: ServerProcess, agents: Array<{ username: string; password: string }>, arrivals: Map<string, number>): Promise<Socket[]> {
  return openAll(agents.length, async (i) => {
    const agent = agents[i] as { username: string; password: string };
    const token = await loginAs(node, agent.username, agent.password);
    const socket = io(`${node.url}${CONSOLE_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false });
    socket.on('offer.new', (offer: Offer) => void socket.timeout(10_000).emitWithAck('offer.accept', { offerId: offer.id }));
    socket.on('interaction.message', (event: { message: InteractionMessage }) => arrivals.set(event.message.body, performance.now()));
    await connected(socket, 'session.ready');
    return socket;
  });
}

async function benchChat(cluster: Cluster): Promise<Figures & { delivery50: number; delivery99: number; stored: number; sent: number }> {
  const node = cluster.nodes[0] as ServerProcess;
  const agents = await createAgents(cluster, AGENTS, () => ({ capacity: { chat: Math.ceil(VISITORS / AGENTS) }, tabLimit: Math.ceil(VISITORS / AGENTS) }));
  const site = await api<Site>(node, cluster.token, 'POST', '/sites', { name: 'Bench', url: ORIGIN, agents: agents.map((a) => ({ agentId: a.id, priority: 1 })) });
  const arrivals = new Map<string, number>();
  const consoles = await connectAgents(node, agents, arrivals);
  const answered = new Set<number>();
  const visitors = await openAll(VISITORS, async (i) => {
    const socket = io(`${node.url}${CHAT_NAMESPACE}`, { auth: { siteKey: site.siteKey }, extraHeaders: { Origin: ORIGIN }, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('chat.state', (state: { state: string }) => state.state === 'active' && answered.add(i));
    await connected(socket, 'chat.ready');
    return socket;
  });
  try {
    // Every visitor opens a chat; the agents accept them all before the clock starts.
    await openAll(VISITORS, (i) => ackOf(visitors[i] as Socket, 'chat.message', { clientId: `open-${i}`, body: `Hello from ${i}`, fields: { name: `Visitor ${i}` } }));
    console.log(`chat: ${VISITORS} chats opened`);
    for (let waited = 0; answered.size < VISITORS; waited += 100) {
      if (waited > 60_000) throw new Error(`only ${answered.size} of ${VISITORS} chats were answered`);
      await sleep(100);
    }
    let seq = 0;
    const send: Send = async (client, body) => {
      await ackOf(visitors[client] as Socket, 'chat.message', { clientId: `m${seq++}`, body });
    };
    const throughput = await closedLoop(VISITORS, send, SECONDS);
    console.log(`chat: ${throughput.toFixed(0)} msg/s back to back`);
    const sentAt = new Map<string, number>();
    const latencies = await openLoop(VISITORS, send, AGENT_RATE * AGENTS, SECONDS, WARMUP_SECONDS, (body, at) => sentAt.set(body, at));
    await sleep(500);
    const countFrom = Math.min(...[...sentAt.values()]) + WARMUP_SECONDS * 1000;
    const delivery = [...sentAt]
      .filter(([, at]) => at >= countFrom)
      .map(([body, at]) => (arrivals.get(body) ?? Infinity) - at)
      .sort((a, b) => a - b);
    const [row] = await import('pg').then(async ({ Client }) => {
      const client = new Client({ connectionString: cluster.databaseUrl });
      await client.connect();
      try {
        return (await client.query<{ n: string }>("select count(*) as n from interaction_messages where body like 'b:%'")).rows;
      } finally {
        await client.end();
      }
    });
    return {
      throughput,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      count: latencies.length,
      delivery50: percentile(delivery, 50),
      delivery99: percentile(delivery, 99),
      stored: Number(row?.n ?? 0),
      sent: sentAt.size,
    };
  } finally {
    [...visitors, ...consoles].forEach((s) => s.disconnect());
  }
}

describe('chat benchmark', () => {
  it('prints round trips and throughput against a bare socket.io echo, and the widget size', async () => {
    expect(existsSync(WIDGET)).toBe(true);
    const widgetGzip = gzipSync(readFileSync(WIDGET), { level: 9 }).length;
    const echo = await benchEcho();
    const cluster = await startCluster(1, {
      // One machine stands for 1,000 visitors: the per-visitor and per-address limits would throttle it.
      CHAT_VISITOR_REQUESTS_PER_10S: '1000000',
      CHAT_IP_REQUESTS_PER_10S: '100000000',
      CHAT_IP_CONNECTIONS_PER_MINUTE: '1000000',
    });
    try {
      const chat = await benchChat(cluster);
      const ms = (n: number) => `${n.toFixed(1)} ms`;
      console.log(
        [
          `chat benchmark: ${VISITORS} visitors, ${AGENTS} agents, one API node; latency at ${AGENT_RATE}/s per agent (${AGENT_RATE * AGENTS}/s) for ${SECONDS} s`,
          `  bare socket.io echo: ${echo.throughput.toFixed(0)} msg/s back to back; round trip p50 ${ms(echo.p50)}, p99 ${ms(echo.p99)} (${echo.count} messages)`,
          `  chat (stored):       ${chat.throughput.toFixed(0)} msg/s back to back; round trip p50 ${ms(chat.p50)}, p99 ${ms(chat.p99)} (${chat.count} messages)`,
          `  visitor → agent's console: p50 ${ms(chat.delivery50)}, p99 ${ms(chat.delivery99)}`,
          `  throughput ratio chat/echo: ${(chat.throughput / echo.throughput).toFixed(2)} (target >= 0.5); p99 target < 25 ms`,
          `  widget.js: ${(widgetGzip / 1024).toFixed(1)} KB gzipped (target <= 35 KB)`,
        ].join('\n'),
      );
      // Correctness only: every message of the latency phase was stored, once, and reached its agent.
      expect(chat.stored).toBe(chat.sent);
      expect(Number.isFinite(chat.delivery99)).toBe(true);
    } finally {
      await cluster.stop();
    }
  });
});
