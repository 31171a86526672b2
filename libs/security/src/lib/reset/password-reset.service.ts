import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, DomainException, ErrorCode } from '@switchboard/contracts';
import { MailService } from '@switchboard/mail';
import { JOB_QUEUE, type Job, type JobQueue } from '@switchboard/plugin-sdk';
import { UsersService, type StaffUser } from '@switchboard/staff';
import { randomBytes } from 'node:crypto';
import { returningRows } from '@switchboard/db';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { SECURITY_OPTIONS, type SecurityOptions } from '../security-options';
import { hashToken } from '../sessions/sessions.service';

/** How long a reset link works. */
export const RESET_LINK_TTL_MS = 60 * 60 * 1000;
const RESET_JOB = 'security.passwordReset';

interface ResetJob {
  email: string;
  ip: string | null;
}

export const resetTokenInvalid = () => new DomainException(ErrorCode.ResetTokenInvalid, 'This reset link is invalid, already used or expired');

/**
 * "Forgot password": the request only queues a job, so the answer and its timing are the same
 * whether the address exists or not; the job writes the mail. Links are single use, valid one
 * hour, stored hashed, and built from PUBLIC_URL.
 */
@Injectable()
export class PasswordResetService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(SECURITY_OPTIONS) private readonly options: SecurityOptions,
  ) {}

  onModuleInit(): void {
    this.jobs.handle(RESET_JOB, (job: Job<ResetJob>) => this.sendLink(job.data));
  }

  async request(email: string, ip: string | null): Promise<void> {
    await this.jobs.add(RESET_JOB, { email: email.trim(), ip } satisfies ResetJob, { attempts: 3 });
  }

  /** The (active) user a live token belongs to, the token left unspent; 400 otherwise. */
  async userOf(token: string): Promise<StaffUser> {
    const [row] = (await this.dataSource.query(
      'select user_id from security_password_resets where token_hash = $1 and used_at is null and expires_at > $2',
      [hashToken(token), this.clock.now()],
    )) as { user_id: string }[];
    const user = row ? await this.users.findById(row.user_id) : null;
    if (!user || user.disabled) throw resetTokenInvalid();
    return user;
  }

  /**
   * Spends a token and runs `change` (which stores the new password) in the same transaction;
   * the user's other links die with it. 400 when the token was spent meanwhile.
   */
  async spend(token: string, change: (manager: DataSource['manager'], userId: string) => Promise<void>): Promise<string> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const spent = await returningRows<{ user_id: string }>(manager, 'update security_password_resets set used_at = $2 where token_hash = $1 and used_at is null and expires_at > $2 returning user_id',
        [hashToken(token), now]);
      const userId = spent[0]?.user_id;
      if (!userId) throw resetTokenInvalid();
      await manager.query('update security_password_resets set used_at = $2 where user_id = $1 and used_at is null', [userId, now]);
      await change(manager, userId);
      return userId;
    });
  }

  private async sendLink({ email, ip }: ResetJob): Promise<void> {
    const user = await this.users.findByLogin(email);
    const found = user !== null && user.email.toLowerCase() === email.toLowerCase() && !user.disabled;
    await this.audit.record({
      action: AuditAction.PasswordResetRequested,
      actor: null,
      ip,
      target: found ? { type: 'agent', id: user.id, name: user.username } : undefined,
      details: { email, accountFound: found },
    });
    if (!found) return;
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.dataSource.query('insert into security_password_resets (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)', [
      hashToken(token),
      user.id,
      now,
      new Date(now.getTime() + RESET_LINK_TTL_MS),
    ]);
    const link = `${this.options.publicUrl}/reset-password#token=${token}`;
    await this.mail.send(user.email, 'passwordReset', { name: user.fullName, username: user.username, link });
  }
}
