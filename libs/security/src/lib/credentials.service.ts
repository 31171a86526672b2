import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { CredentialEntity } from './entities/credential.entity';
import { Clock } from './clock';
import { PasswordHasher } from './password-hasher';

/** Users' passwords: set (hashed) and checked. */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectRepository(CredentialEntity) private readonly credentials: Repository<CredentialEntity>,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  /** Stores a new password (hashed now); keeps the lock state as it is. */
  async setPassword(userId: string, password: string, manager?: EntityManager): Promise<void> {
    const repository = manager?.getRepository(CredentialEntity) ?? this.credentials;
    await repository.upsert({ userId, passwordHash: await this.hasher.hash(password), passwordChangedAt: this.clock.now() }, ['userId']);
  }

  /** True when the password is the user's; takes as long when the user has none. */
  async verifyPassword(userId: string | undefined, password: string): Promise<boolean> {
    const credential = userId ? await this.credentials.findOneBy({ userId }) : null;
    if (!credential) {
      await this.hasher.verifyNothing(password);
      return false;
    }
    return this.hasher.verify(credential.passwordHash, password);
  }

  async passwordChangedAt(userId: string): Promise<Date | null> {
    const credential = await this.credentials.findOne({ select: { userId: true, passwordChangedAt: true }, where: { userId } });
    return credential?.passwordChangedAt ?? null;
  }
}
