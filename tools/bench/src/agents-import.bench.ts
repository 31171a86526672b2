import { ADMIN, startServer, tempDataDir, type ServerProcess } from '../../dist-tests/src/server-process';

/**
 * Agents CSV import of 1,000 rows against the built API, compared with the baseline of creating
 * the same number of agents one POST at a time. Embedded database unless DATABASE_URL is set.
 */
const ROWS = Number(process.env['BENCH_ROWS'] ?? 1000);

function csv(prefix: string): string {
  const lines = ['username,fullName,email,password,typology,capacityChat,tabLimit'];
  for (let i = 0; i < ROWS; i++) lines.push(`${prefix}${i},Bench ${i},${prefix}${i}@example.com,Bench-pass-${i}-x,webrtc,${i % 5},3`);
  return lines.join('\n');
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

describe('agents import benchmark', () => {
  let server: ServerProcess;
  let dataDir: Awaited<ReturnType<typeof tempDataDir>>;
  let token: string;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    server = await startServer({ DATA_DIR: dataDir.path, ...(process.env['DATABASE_URL'] ? { DATABASE_URL: process.env['DATABASE_URL'] } : {}) });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: ADMIN.username, password: ADMIN.password }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
  });
  afterAll(async () => {
    await server?.stop();
    await dataDir?.remove();
  });

  const importCsv = async (text: string, fields: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/csv' }), 'agents.csv');
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const response = await fetch(`${server.url}/api/v1/agents/import`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    return (await response.json()) as { created: number; valid: number; errors: unknown[] };
  };

  it(`imports ${ROWS} rows and prints rows/s against one-by-one creation`, async () => {
    const baseline = await timed(async () => {
      for (let i = 0; i < ROWS; i++) {
        const response = await fetch(`${server.url}/api/v1/agents`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ username: `one${i}`, fullName: `One ${i}`, email: `one${i}@example.com`, password: `Bench-pass-${i}-x`, typology: 'webrtc' }),
        });
        if (response.status !== 201) throw new Error(`POST /agents answered ${response.status}`);
      }
    });
    const dryRun = await timed(() => importCsv(csv('dry'), { dryRun: 'true' }));
    const imported = await timed(() => importCsv(csv('imp'), {}));

    expect(dryRun.result.valid).toBe(ROWS);
    expect(imported.result.created).toBe(ROWS);

    const rate = (seconds: number) => Math.round(ROWS / seconds);
    const lines = [
      `agents import benchmark (${ROWS} rows, ${process.env['DATABASE_URL'] ? 'server PostgreSQL' : 'embedded PGlite'})`,
      `  baseline: ${ROWS} × POST /api/v1/agents   ${baseline.seconds.toFixed(2)} s   ${rate(baseline.seconds)} rows/s`,
      `  import, dry run (validation only)       ${dryRun.seconds.toFixed(2)} s   ${rate(dryRun.seconds)} rows/s`,
      `  import, creating every row               ${imported.seconds.toFixed(2)} s   ${rate(imported.seconds)} rows/s`,
      `  ratio import / baseline: ${(baseline.seconds / imported.seconds).toFixed(2)}× faster`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  });
});
