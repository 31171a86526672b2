import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@switchboard/contracts';
import { SECURITY_OPTIONS, type SecurityOptions } from './security-options';
import { SecurityException } from './security.exception';
import { SigningKeyService } from './signing-key.service';

/** What an access token says. `typ` keeps other kinds of token (MFA step, reset) from opening the API. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  typ: 'access';
}

const ISSUER = 'switchboard';

@Injectable()
export class TokenService implements OnModuleInit {
  private secret = '';

  constructor(
    private readonly jwt: JwtService,
    private readonly signingKeys: SigningKeyService,
    @Inject(SECURITY_OPTIONS) private readonly options: SecurityOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.secret = await this.signingKeys.accessTokenKey();
  }

  get accessTokenTtlSeconds(): number {
    return this.options.accessTokenTtlSeconds;
  }

  issueAccessToken(userId: string, role: Role): Promise<string> {
    const claims: AccessTokenClaims = { sub: userId, role, typ: 'access' };
    return this.jwt.signAsync(claims, {
      secret: this.secret,
      algorithm: 'HS256',
      issuer: ISSUER,
      expiresIn: this.options.accessTokenTtlSeconds,
    });
  }

  /** Returns the claims of a valid access token; throws `unauthenticated` for anything else. */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = await this.jwt.verifyAsync(token, { secret: this.secret, algorithms: ['HS256'], issuer: ISSUER });
    } catch {
      throw SecurityException.unauthenticated('The access token is invalid or expired');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') {
      throw SecurityException.unauthenticated('The access token is invalid or expired');
    }
    return claims as AccessTokenClaims;
  }
}
