import type { InboundRequest, Offer } from '@switchboard/contracts';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { api, createAgents, InvariantSampler, loginAs, sendInbound, SimulatedAgent, startCluster, type Cluster } from '../../dist-tests/src/routing-cluster';

/**
 * Routing benchmark on server PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), one API process:
 * 1. throughput: interactions sent as fast as 32 clients can, 100 agents (chat capacity 3, tab
 *    limit 4) accepting and closing at once: assignments (offers made) per second;
 * 2. latency: 200 new interactions per second for 10 s: intake (request sent) → `offer.new` on
 *    the agent's socket, p50 and p99;
 * both next to pgbench's built-in simple-update script (-N) on the same server in the same run.
 * The invariant is sampled from the database during both phases.
 */
const AGENTS = Number(process.env['BENCH_AGENTS'] ?? 100);
const BURST = Number(process.env['BENCH_BURST'] ?? 4000);
const RATE = Number(process.env['BENCH_RATE'] ?? 200);
const RATE_SECONDS = Number(process.env['BENCH_RATE_SECONDS'] ?? 10);
const PGBENCH_CLIENTS = 8;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** pgbench's simple-update TPS on a scratch database of the same server. */
async function pgbenchTps(serverUrl: string): Promise<number> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `sb_pgbench_${process.pid}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    execFileSync('pgbench', ['-i', '-q', '-s', '10', url.toString()], { stdio: 'pipe' });
    const out = execFileSync('pgbench', ['-N', '-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', '10', url.toString()], { encoding: 'utf8' });
    const match = /tps = ([\d.]+)/.exec(out);
    if (!match) throw new Error(`pgbench printed no tps:\n${out}`);
    return Number(match[1]);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const message = (i: number, prefix: string): InboundRequest => ({
  channel: 'chat',
  accountId: 'bench',
  contactAddress: `${prefix}-${i}`,
  body: `hello ${i}`,
  externalMessageId: `${prefix}-${i}`,
  pageUrl: `https://bench.test/${prefix}/${i}`,
});

describe('routing benchmark', () => {
  let cluster: Cluster;
  afterAll(() => cluster?.stop());

  it('prints assignments per second and intake→offer latency next to pgbench', async () => {
    const serverUrl = process.env['DATABASE_URL'];
    if (!serverUrl) throw new Error('The routing benchmark needs DATABASE_URL and REDIS_URL');
    const tps = await pgbenchTps(serverUrl);

    cluster = await startCluster(1, { ROUTING_TICK_MS: '250', LOG_LEVEL: 'error' });
    const node = cluster.nodes[0] as Cluster['nodes'][0];
    const people = await createAgents(cluster, AGENTS, () => ({ capacity: { chat: 3 }, tabLimit: 4 }));
    const queue = await api<{ id: string }>(node, cluster.token, 'POST', '/queues', { name: 'Bench', channel: 'chat', strategy: 'least-recent' });
    for (const person of people) await api(node, cluster.token, 'POST', `/queues/${queue.id}/members`, { agentId: person.id });
    await api(node, cluster.token, 'POST', '/routing/rules', { name: 'Bench', patterns: ['bench.test/*'], queueId: queue.id });

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let offers = 0;
    const onOffer = (offer: Offer, at: number) => {
      offers++;
      const sent = sentAt.get(offer.interaction.contactAddress);
      if (sent !== undefined) {
        latencies.push(at - sent);
        sentAt.delete(offer.interaction.contactAddress);
      }
    };
    const agents: SimulatedAgent[] = [];
    for (const person of people) {
      const agent = new SimulatedAgent(person.id, await loginAs(node, person.username, person.password), cluster.nodes, 0, { answerMs: [0, 0], holdMs: [0, 0], rejectShare: 0 }, onOffer);
      await agent.connect();
      agents.push(agent);
    }
    const sampler = new InvariantSampler(cluster.databaseUrl);
    await sampler.start(50);
    const settled = async (total: number) => {
      for (;;) {
        const [row] = await sampler.query<{ n: number }>(`select count(*)::int as n from interactions where status = 'closed'`);
        if ((row?.n ?? 0) >= total) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    // 1. Throughput.
    const burstStart = performance.now();
    await sendInbound(cluster, Array.from({ length: BURST }, (_, i) => message(i, 'burst')), 32);
    await settled(BURST);
    const burstSeconds = (performance.now() - burstStart) / 1000;
    const assignmentsPerSecond = offers / burstSeconds;

    // 2. Latency at a steady rate (latencies of the burst are dropped).
    latencies.length = 0;
    const total = RATE * RATE_SECONDS;
    const paced: Promise<unknown>[] = [];
    const rateStart = performance.now();
    for (let i = 0; i < total; i++) {
      const due = rateStart + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const m = message(i, 'rate');
      sentAt.set(m.contactAddress, performance.now());
      paced.push(api(node, cluster.token, 'POST', '/interactions/inbound', m));
    }
    await Promise.all(paced);
    await settled(BURST + total);
    await sampler.stop();
    agents.forEach((a) => a.stop());

    const sorted = [...latencies].sort((a, b) => a - b);
    const lines = [
      `routing benchmark (server PostgreSQL, one API node, ${AGENTS} agents, chat capacity 3, tab limit 4)`,
      `  baseline: pgbench simple-update (-N, ${PGBENCH_CLIENTS} clients)   ${tps.toFixed(0)} tps`,
      `  throughput: ${BURST} interactions, offered, accepted and closed in ${burstSeconds.toFixed(2)} s: ${assignmentsPerSecond.toFixed(0)} assignments/s`,
      `  ratio assignments/s ÷ pgbench tps: ${(assignmentsPerSecond / tps).toFixed(2)} (target ≥ 0.30)`,
      `  latency at ${RATE} new interactions/s for ${RATE_SECONDS} s, intake → offer on the agent's socket (${sorted.length} offers):`,
      `    p50 ${percentile(sorted, 50).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms   max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms (target p99 < 50 ms)`,
      `  capacity violations in ${sampler.samples.length} samples: ${sampler.violations().length} (target 0)`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
    expect(sorted.length).toBe(total);
    expect(sampler.violations()).toEqual([]);
  });
});
