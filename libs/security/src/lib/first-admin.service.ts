import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Role } from '@switchboard/contracts';
import { UsersService } from '@switchboard/staff';
import { isUniqueViolation } from '@switchboard/db';
import { DataSource } from 'typeorm';
import { CredentialsService } from './credentials.service';
import { generatePassword } from './generate-password';
import { SECURITY_OPTIONS, type SecurityOptions } from './security-options';

/**
 * On the first start with an empty database, creates the administrator from ADMIN_USERNAME /
 * ADMIN_PASSWORD / ADMIN_EMAIL, or with a generated password printed once.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly credentials: CredentialsService,
    @Inject(SECURITY_OPTIONS) private readonly options: SecurityOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { username, email, password: configured } = this.options.firstAdmin;
    const password = configured ?? generatePassword();
    try {
      const created = await this.dataSource.transaction(async (manager) => {
        if ((await this.users.count(manager)) > 0) return false;
        const admin = await this.users.create({ username, email, fullName: 'Administrator', role: Role.Admin }, manager);
        await this.credentials.setPassword(admin.id, password, manager);
        return true;
      });
      if (!created) return;
    } catch (error) {
      // Another node created the first admin at the same moment.
      if (isUniqueViolation(error)) return;
      throw error;
    }
    this.logger.log(`Created the first administrator "${username}"`);
    if (!configured) printGeneratedPassword(username, password);
  }
}

/** Straight to stdout, not through the logger, so it is not shipped to log storage. */
function printGeneratedPassword(username: string, password: string): void {
  const rule = '='.repeat(64);
  process.stdout.write(
    `\n${rule}\n  First start: created the administrator account\n    username: ${username}\n    password: ${password}\n` +
      `  This password is shown only once. Sign in and change it.\n${rule}\n\n`,
  );
}
