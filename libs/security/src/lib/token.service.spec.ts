import { JwtService } from '@nestjs/jwt';
import { Role } from '@switchboard/contracts';
import type { SecurityOptions } from './security-options';
import type { SigningKeyService } from './signing-key.service';
import { TokenService } from './token.service';

async function tokenService(ttlSeconds: number): Promise<TokenService> {
  const keys = { accessTokenKey: async () => 'a-signing-key-long-enough-for-hs256-0123456789' } as unknown as SigningKeyService;
  const service = new TokenService(new JwtService(), keys, { accessTokenTtlSeconds: ttlSeconds } as SecurityOptions);
  await service.onModuleInit();
  return service;
}

describe('TokenService access tokens', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers the claims of a token it issued, again and again', async () => {
    const tokens = await tokenService(60);
    const token = await tokens.issueAccessToken('user-1', Role.Agent, 'session-1');
    for (let i = 0; i < 3; i++) await expect(tokens.verifyAccessToken(token)).resolves.toMatchObject({ sub: 'user-1', sid: 'session-1', typ: 'access' });
  });

  it('refuses a token changed after a genuine one was verified', async () => {
    const tokens = await tokenService(60);
    const token = await tokens.issueAccessToken('user-1', Role.Agent, 'session-1');
    await tokens.verifyAccessToken(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'admin' })).toString('base64url');
    await expect(tokens.verifyAccessToken(`${header}.${forged}.${signature}`)).rejects.toThrow(/invalid or expired/);
  });

  it('refuses a token once it has expired, though it was verified while valid', async () => {
    const tokens = await tokenService(60);
    const token = await tokens.issueAccessToken('user-1', Role.Agent, 'session-1');
    await expect(tokens.verifyAccessToken(token)).resolves.toMatchObject({ sub: 'user-1' });
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    await expect(tokens.verifyAccessToken(token)).rejects.toThrow(/invalid or expired/);
  });
});
