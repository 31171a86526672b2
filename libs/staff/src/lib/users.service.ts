import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, Role } from '@switchboard/contracts';
import type { EntityManager, Repository } from 'typeorm';
import { UserEntity } from './entities/user.entity';

/** A user as other modules see it. */
export interface StaffUser extends CurrentUser {
  disabled: boolean;
}

export interface NewUser {
  username: string;
  email: string;
  fullName: string;
  role: Role;
}

function toStaffUser(entity: UserEntity): StaffUser {
  const { id, username, email, fullName, role, disabled } = entity;
  return { id, username, email, fullName, role, disabled };
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Finds a user by username or e-mail, without regard to case. */
  async findByLogin(login: string): Promise<StaffUser | null> {
    const entity = await this.users
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:login) or lower(u.email) = lower(:login)', { login })
      .getOne();
    return entity ? toStaffUser(entity) : null;
  }

  async findById(id: string): Promise<StaffUser | null> {
    const entity = await this.users.findOneBy({ id });
    return entity ? toStaffUser(entity) : null;
  }

  async count(manager?: EntityManager): Promise<number> {
    return (manager?.getRepository(UserEntity) ?? this.users).count();
  }

  /** Creates a user; pass the manager of a surrounding transaction to take part in it. */
  async create(user: NewUser, manager?: EntityManager): Promise<StaffUser> {
    const repository = manager?.getRepository(UserEntity) ?? this.users;
    return toStaffUser(await repository.save(repository.create(user)));
  }
}
