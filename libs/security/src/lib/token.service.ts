import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Role } from '@switchboard/contracts';
import { SECURITY_OPTIONS, type SecurityOptions } from './security-options';
import { SecurityException } from './security.exception';
import { SigningKeyService } from './signing-key.service';

/** What an access token says. `typ` keeps other kinds of token (login steps) from opening the API. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  /** The session (refresh-token family) it was issued for; revoking the session voids it. */
  sid: string;
  typ: 'access';
}

/** The login steps a half-signed-in user may be at. */
export type LoginStage = 'mfa-required' | 'mfa-enrolment-required' | 'password-expired';

/** A half-signed-in token: it opens only the endpoint of its stage, never the API. */
export interface StepTokenClaims {
  sub: string;
  stage: LoginStage;
  typ: 'step';
}

/** Seconds a login step token stays valid. */
export const STEP_TOKEN_TTL_SECONDS = 300;

const ISSUER = 'switchboard';

/** Access tokens whose signature was checked lately (each request presents one; checking it again costs an HMAC and a parse). */
const VERIFIED_TOKENS = 10_000;

@Injectable()
export class TokenService implements OnModuleInit {
  private secret = '';
  /**
   * The same key for verifying: given a string, jsonwebtoken first tries it as a PEM public key
   * (and throws) on every call, a tenth of a busy API's time; a KeyObject skips that.
   * @nestjs/jwt passes it through to jsonwebtoken unchanged (its type says string or Buffer).
   */
  private verifyKey!: KeyObject;
  /** Claims of access tokens already verified, with when they expire (ms): the signature of a token string never changes. */
  private readonly verified = new LRUCache<string, { claims: AccessTokenClaims; expiresAt: number }>({ max: VERIFIED_TOKENS });

  constructor(
    private readonly jwt: JwtService,
    private readonly signingKeys: SigningKeyService,
    @Inject(SECURITY_OPTIONS) private readonly options: SecurityOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.secret = await this.signingKeys.accessTokenKey();
    this.verifyKey = createSecretKey(Buffer.from(this.secret));
  }

  get accessTokenTtlSeconds(): number {
    return this.options.accessTokenTtlSeconds;
  }

  issueStepToken(userId: string, stage: LoginStage): Promise<string> {
    const claims: StepTokenClaims = { sub: userId, stage, typ: 'step' };
    return this.jwt.signAsync(claims, { secret: this.secret, algorithm: 'HS256', issuer: ISSUER, expiresIn: STEP_TOKEN_TTL_SECONDS });
  }

  /** The user of a valid step token of this stage; 401 for anything else. */
  async verifyStepToken(token: string, stage: LoginStage): Promise<string> {
    let claims: Partial<StepTokenClaims>;
    try {
      claims = await this.jwt.verifyAsync(token, { secret: this.verifyKey as unknown as Buffer, algorithms: ['HS256'], issuer: ISSUER });
    } catch {
      throw SecurityException.unauthenticated('This sign-in step has expired; sign in again');
    }
    if (claims.typ !== 'step' || claims.stage !== stage || typeof claims.sub !== 'string') {
      throw SecurityException.unauthenticated('This sign-in step has expired; sign in again');
    }
    return claims.sub;
  }

  issueAccessToken(userId: string, role: Role, sessionId: string): Promise<string> {
    const claims: AccessTokenClaims = { sub: userId, role, sid: sessionId, typ: 'access' };
    return this.jwt.signAsync(claims, {
      secret: this.secret,
      algorithm: 'HS256',
      issuer: ISSUER,
      expiresIn: this.options.accessTokenTtlSeconds,
    });
  }

  /** Returns the claims of a valid access token; throws `unauthenticated` for anything else. */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAt) return known.claims;
    let claims: Partial<AccessTokenClaims> & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync(token, { secret: this.verifyKey as unknown as Buffer, algorithms: ['HS256'], issuer: ISSUER });
    } catch {
      throw SecurityException.unauthenticated('The access token is invalid or expired');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      throw SecurityException.unauthenticated('The access token is invalid or expired');
    }
    if (typeof claims.exp === 'number') this.verified.set(token, { claims: claims as AccessTokenClaims, expiresAt: claims.exp * 1000 });
    return claims as AccessTokenClaims;
  }
}
