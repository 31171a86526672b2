import { defaultAgentPermissions, ErrorCode } from '@switchboard/contracts';
import { createTestApp, TEST_ADMIN, type TestApp } from './testing/test-app';

describe('kernel over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('GET /api/health', () => {
    it('answers 200 with the database of the run mode, and Redis when configured', async () => {
      const { body } = await app.http.get('/api/health').expect(200);
      const serverMode = Boolean(process.env['DATABASE_URL']);
      expect(body).toMatchObject({ status: 'ok', mode: serverMode ? 'server' : 'embedded' });
      expect(body.details.database).toEqual({ status: 'up', kind: serverMode ? 'postgres' : 'pglite' });
      if (process.env['REDIS_URL']) expect(body.details.redis).toEqual({ status: 'up', kind: 'redis' });
      else expect(body.details.redis).toBeUndefined();
    });
  });

  describe('POST /api/v1/auth/login', () => {
    it('signs in by username and returns a bearer token', async () => {
      const { body } = await app.http.post('/api/v1/auth/login').send({ login: 'admin', password: TEST_ADMIN.password }).expect(200);
      expect(body).toEqual({ status: 'signed-in', accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    });

    it('signs in by e-mail whatever its case', async () => {
      await app.http.post('/api/v1/auth/login').send({ login: 'ADMIN@Example.com', password: TEST_ADMIN.password }).expect(200);
    });

    it('answers 400 naming a missing field', async () => {
      const { body } = await app.http.post('/api/v1/auth/login').send({ login: 'admin' }).expect(400);
      expect(body.code).toBe(ErrorCode.ValidationFailed);
      expect(body.message).toContain('password');
      expect(body.details).toEqual([{ field: 'password', messages: expect.arrayContaining(['password should not be empty']) }]);
    });

    it('answers 400 naming an unknown field (no mass assignment)', async () => {
      const { body } = await app.http.post('/api/v1/auth/login').send({ login: 'admin', password: 'x', role: 'admin' }).expect(400);
      expect(body.details).toEqual([{ field: 'role', messages: ['property role should not exist'] }]);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const { body } = await app.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"login": ').expect(400);
      expect(body).toEqual({ statusCode: 400, code: ErrorCode.InvalidJson, message: 'The request body is not valid JSON' });
    });

    it('answers the same 401 for a wrong password and an unknown user', async () => {
      const wrong = await app.http.post('/api/v1/auth/login').send({ login: 'admin', password: 'wrong-password' }).expect(401);
      const unknown = await app.http.post('/api/v1/auth/login').send({ login: 'nobody', password: 'wrong-password' }).expect(401);
      expect(wrong.body).toEqual({ statusCode: 401, code: ErrorCode.InvalidCredentials, message: 'Invalid login or password' });
      expect(unknown.body).toEqual(wrong.body);
    });
  });

  describe('GET /api/v1/auth/me', () => {
    it('returns the signed-in user', async () => {
      const token = await app.login();
      const { body } = await app.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(body).toEqual({
        id: expect.any(String),
        username: 'admin',
        email: TEST_ADMIN.email,
        fullName: 'Administrator',
        role: 'admin',
        toastPosition: 'top-right',
        maskSensitiveData: false,
        permissions: defaultAgentPermissions(),
      });
    });

    it('answers 401 without a token or with a forged one', async () => {
      const missing = await app.http.get('/api/v1/auth/me').expect(401);
      expect(missing.body.code).toBe(ErrorCode.Unauthenticated);
      const token = await app.login();
      const forged = `${token.slice(0, -4)}AAAA`;
      const { body } = await app.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
      expect(body.code).toBe(ErrorCode.Unauthenticated);
    });
  });

  describe('errors and plumbing', () => {
    it('answers an unknown API route with a JSON 404', async () => {
      const { body } = await app.http.get('/api/v1/no-such-thing').expect(404).expect('Content-Type', /json/);
      expect(body).toEqual({ statusCode: 404, code: ErrorCode.RouteNotFound, message: 'No route GET /api/v1/no-such-thing' });
    });

    it('echoes a request id, or makes one', async () => {
      await app.http.get('/api/health').set('X-Request-Id', 'trace-12345678').expect('X-Request-Id', 'trace-12345678');
      const { headers } = await app.http.get('/api/health');
      expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('publishes the OpenAPI document and its UI', async () => {
      const { body } = await app.http.get('/api/docs-json').expect(200);
      expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/channels', '/api/health']));
      await app.http.get('/api/docs').expect(200).expect('Content-Type', /html/);
    });

    it('exposes Prometheus metrics, HTTP durations included', async () => {
      await app.http.get('/api/health');
      const { text } = await app.http.get('/metrics').expect(200).expect('Content-Type', /text\/plain/);
      expect(text).toContain('switchboard_http_request_duration_seconds_count{method="GET",route="/api/health",status="200"}');
      expect(text).toContain('switchboard_process_cpu_user_seconds_total');
    });

    it('lists the loaded channel plugins with their capabilities', async () => {
      const token = await app.login();
      const { body } = await app.http.get('/api/v1/channels').set('Authorization', `Bearer ${token}`).expect(200);
      expect(body).toEqual([expect.objectContaining({ id: 'chat', displayName: 'Web chat', capabilities: expect.objectContaining({ realtime: true, typing: true }) })]);
    });
  });
});
