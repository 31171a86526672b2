import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP's Argon2id settings: 19 MiB, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification, so an unknown login takes as long as a known one. */
  async verifyNothing(password: string): Promise<void> {
    this.dummyHash ??= this.hash('switchboard-timing-equaliser');
    await this.verify(await this.dummyHash, password);
  }
}
