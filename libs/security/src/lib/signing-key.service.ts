import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { Repository } from 'typeorm';
import { SigningKeyEntity } from './entities/signing-key.entity';
import { SECURITY_OPTIONS, type SecurityOptions } from './security-options';

const ACCESS_TOKEN_KEY = 'access-token';

@Injectable()
export class SigningKeyService {
  constructor(
    @InjectRepository(SigningKeyEntity) private readonly keys: Repository<SigningKeyEntity>,
    @Inject(SECURITY_OPTIONS) private readonly options: SecurityOptions,
  ) {}

  /**
   * The key that signs access tokens: JWT_SECRET when configured, else the one stored in the
   * database, created by whichever node gets there first (insert … on conflict do nothing).
   */
  async accessTokenKey(): Promise<string> {
    if (this.options.jwtSecret) return this.options.jwtSecret;
    await this.keys
      .createQueryBuilder()
      .insert()
      .values({ purpose: ACCESS_TOKEN_KEY, secret: randomBytes(48).toString('base64url') })
      .orIgnore()
      .execute();
    const key = await this.keys.findOneByOrFail({ purpose: ACCESS_TOKEN_KEY });
    return key.secret;
  }
}
