import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { CredentialEntity } from './entities/credential.entity';
import { PasswordHasher } from './password-hasher';

/** Users' passwords: set (hashed) and checked. */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectRepository(CredentialEntity) private readonly credentials: Repository<CredentialEntity>,
    private readonly hasher: PasswordHasher,
  ) {}

  async setPassword(userId: string, password: string, manager?: EntityManager): Promise<void> {
    const repository = manager?.getRepository(CredentialEntity) ?? this.credentials;
    await repository.save({ userId, passwordHash: await this.hasher.hash(password), passwordChangedAt: new Date() });
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
}
