import type { CreatedAgent, CreateAgentRequest, Queue, StaffChannel } from '@switchboard/contracts';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app';

/** supertest calls with a bearer token. */
export function as(app: TestApp, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    get: (url: string) => app.http.get(url).set(auth),
    post: (url: string) => app.http.post(url).set(auth),
    patch: (url: string) => app.http.patch(url).set(auth),
    put: (url: string) => app.http.put(url).set(auth),
    delete: (url: string) => app.http.delete(url).set(auth),
  };
}
export type Caller = ReturnType<typeof as>;

let counter = 0;

/** A new agent (role agent unless told), created by `caller`; answers it with its password. */
export async function createAgent(caller: Caller, fields: Partial<CreateAgentRequest> = {}): Promise<CreatedAgent & { password: string }> {
  const n = ++counter;
  const password = fields.password ?? `Pass-${n}-word-long`;
  const { body } = await caller
    .post('/api/v1/agents')
    .send({ username: `agent${n}_${Date.now() % 100000}`, fullName: `Agent ${n}`, email: `agent${n}.${Date.now()}@example.com`, password, ...fields })
    .expect(201);
  return { ...body, password };
}

export async function createQueue(caller: Caller, channel: StaffChannel = 'chat', name = `Queue ${++counter}`): Promise<Queue> {
  const { body } = await caller.post('/api/v1/queues').send({ name, channel }).expect(201);
  return body;
}

/** Signs in as a freshly created user and answers a caller acting as them. */
export async function signInAs(app: TestApp, user: { username: string; password: string }): Promise<Caller> {
  return as(app, await app.login(user.username, user.password));
}

/**
 * Starts one app for the enclosing describe (stopped after it) and signs the admin in; the
 * returned object is filled in by beforeAll.
 */
export function useAppWithAdmin(options?: TestAppOptions): { app: TestApp; admin: Caller } {
  const context = {} as { app: TestApp; admin: Caller };
  beforeAll(async () => {
    context.app = await createTestApp(options);
    context.admin = as(context.app, await context.app.login());
  });
  afterAll(() => context.app?.stop());
  return context;
}
