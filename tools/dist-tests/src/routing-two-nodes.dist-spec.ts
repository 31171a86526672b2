import type { InboundRequest } from '@switchboard/contracts';
import { api, createAgents, InvariantSampler, loginAs, sendInbound, SimulatedAgent, startCluster, type Cluster } from './routing-cluster';

/**
 * Issue 5's acceptance: two API processes on one PostgreSQL and one Redis, 20 agents (chat
 * capacity 3, tab limit 4, some also on e-mail), 2,000 interactions created concurrently on both
 * nodes, agents accepting, rejecting and closing at random; one node is killed mid-run. The
 * invariant is sampled from the database throughout; at the end nothing is lost or leaked.
 */
const AGENTS = 20;
const INTERACTIONS = 2000;

describe('routing on two nodes', () => {
  let cluster: Cluster;
  afterAll(() => cluster?.stop());

  it('keeps every agent within capacity and tab limit, loses nothing, and leaks nothing when a node dies', async () => {
    cluster = await startCluster(2, { ROUTING_TICK_MS: '100', PRESENCE_GRACE_SECONDS: '10', LOG_LEVEL: 'error' });
    const [nodeA, nodeB] = cluster.nodes as [Cluster['nodes'][0], Cluster['nodes'][0]];
    const onEmail = (i: number) => i % 3 === 0;
    const people = await createAgents(cluster, AGENTS, (i) => ({ capacity: { chat: 3, email: onEmail(i) ? 2 : 0 }, tabLimit: 4 }));
    const chatQueue = await api<{ id: string }>(nodeA, cluster.token, 'POST', '/queues', { name: 'Load chat', channel: 'chat', strategy: 'least-recent', offerTimeoutSeconds: 3 });
    const emailQueue = await api<{ id: string }>(nodeA, cluster.token, 'POST', '/queues', { name: 'Load email', channel: 'email', strategy: 'fewest-interactions', offerTimeoutSeconds: 3 });
    for (const [i, person] of people.entries()) {
      await api(nodeA, cluster.token, 'POST', `/queues/${chatQueue.id}/members`, { agentId: person.id });
      if (onEmail(i)) await api(nodeA, cluster.token, 'POST', `/queues/${emailQueue.id}/members`, { agentId: person.id });
    }
    await api(nodeA, cluster.token, 'POST', '/routing/rules', { name: 'Load chat', patterns: ['chat.load.test/*'], queueId: chatQueue.id });
    await api(nodeA, cluster.token, 'POST', '/routing/rules', { name: 'Load email', patterns: ['mail.load.test/*'], queueId: emailQueue.id });

    // Agents: half on each node; they answer in 0–150 ms, reject one offer in ten, hold 20–400 ms.
    const agents: SimulatedAgent[] = [];
    for (const [i, person] of people.entries()) {
      const node = i % 2 === 0 ? nodeA : nodeB;
      const token = await loginAs(node, person.username, person.password);
      const agent = new SimulatedAgent(person.id, token, cluster.nodes, i % 2, { answerMs: [0, 150], holdMs: [20, 400], rejectShare: 0.1 });
      await agent.connect();
      agents.push(agent);
    }

    const sampler = new InvariantSampler(cluster.databaseUrl);
    await sampler.start(20);
    const messages: InboundRequest[] = Array.from({ length: INTERACTIONS }, (_, i) => ({
      channel: i % 5 === 0 ? 'email' : 'chat',
      accountId: 'load',
      contactAddress: `contact-${i}`,
      body: `message ${i}`,
      externalMessageId: `load-${i}`,
      pageUrl: i % 5 === 0 ? 'https://mail.load.test/inbox' : `https://chat.load.test/page/${i}`,
    }));
    let sent = 0;
    const killed = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (sent < INTERACTIONS * 0.4) return;
        clearInterval(timer);
        nodeB.child.kill('SIGKILL');
        resolve();
      }, 5);
    });
    const loadStart = Date.now();
    const ids = await sendInbound(cluster, messages, 24, () => sent++);
    await killed;
    const intakeSeconds = (Date.now() - loadStart) / 1000;

    // Everything settles: every interaction closed, or still with someone (none here: agents close all).
    const deadline = Date.now() + 120_000;
    let open = Infinity;
    while (Date.now() < deadline) {
      const [row] = await sampler.query<{ n: number }>(`select count(*)::int as n from interactions where status not in ('closed', 'abandoned')`);
      open = row?.n ?? 0;
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const settleSeconds = (Date.now() - loadStart) / 1000;
    await sampler.stop();
    agents.forEach((a) => a.stop());

    const check = new InvariantSampler(cluster.databaseUrl);
    await check.connect();
    try {
      const statuses = await check.query<{ status: string; n: number }>('select status, count(*)::int as n from interactions group by status');
      const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
      const leaks = await check.query<{ agent_id: string; total: number; loads: Record<string, number> }>(
        `select agent_id, total, loads from routing_agents where total <> 0 or exists (select 1 from jsonb_each_text(loads) where value::int <> 0)`,
      );
      const holds = await check.query<{ n: number }>('select count(*)::int as n from routing_offers');
      const events = await check.query<{ n: number }>(`select count(distinct interaction_id)::int as n from interaction_events where type = 'accepted'`);
      process.stdout.write(
        `\nrouting on two nodes: ${INTERACTIONS} interactions, ${AGENTS} agents, ${sampler.samples.length} invariant samples, statuses ${JSON.stringify(byStatus)}, answered ${events[0]?.n}; intake ${intakeSeconds} s, all closed after ${settleSeconds} s\n`,
      );
      expect(new Set(ids).size).toBe(INTERACTIONS);
      expect(sampler.samples.length).toBeGreaterThan(50);
      expect(sampler.violations()).toEqual([]);
      expect(open).toBe(0);
      expect(byStatus['closed']).toBe(INTERACTIONS);
      expect(leaks).toEqual([]);
      expect(holds[0]?.n).toBe(0);
    } finally {
      await check.stop();
    }
  }, 300_000);
});
