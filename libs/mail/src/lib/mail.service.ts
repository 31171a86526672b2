import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { OutboxMail, Page } from '@switchboard/contracts';
import { containsPattern, fetchPage, type PageQueryDto } from '@switchboard/db';
import { JOB_QUEUE, type Job, type JobQueue } from '@switchboard/plugin-sdk';
import { createTransport, type Transporter } from 'nodemailer';
import type { Repository } from 'typeorm';
import { MAIL_OPTIONS, MAIL_SEND_JOB, type MailOptions } from './mail-options';
import { OutboxMailEntity } from './outbox-mail.entity';
import { renderMail, type MailTemplate } from './templates';

/**
 * Outbound mail. Every mail is written to the outbox first; with SMTP_URL a job delivers it
 * (retried), without it the outbox is where an administrator reads it in the console.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private readonly transport?: Transporter;

  constructor(
    @InjectRepository(OutboxMailEntity) private readonly outbox: Repository<OutboxMailEntity>,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(MAIL_OPTIONS) private readonly options: MailOptions,
  ) {
    if (options.smtpUrl) this.transport = createTransport(options.smtpUrl);
  }

  onModuleInit(): void {
    this.jobs.handle(MAIL_SEND_JOB, (job: Job<{ id: string }>) => this.deliver(job.data.id));
  }

  /** Writes a templated mail and, with SMTP, queues its delivery. */
  async send(to: string, template: MailTemplate, values: Record<string, string>): Promise<void> {
    const { subject, text } = renderMail(template, values);
    const status = this.transport ? 'queued' : 'outbox';
    const { identifiers } = await this.outbox.insert({ recipient: to, subject, body: text, status });
    const id = (identifiers[0] as { id: string }).id;
    if (this.transport) await this.jobs.add(MAIL_SEND_JOB, { id }, { jobId: `mail-${id}`, attempts: 5, backoffMs: 5000 });
  }

  async list(query: PageQueryDto): Promise<Page<OutboxMail>> {
    const builder = this.outbox.createQueryBuilder('m');
    if (query.q) builder.where('(m.recipient ilike :q or m.subject ilike :q)', { q: containsPattern(query.q) });
    return fetchPage(builder.orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC'), query, toOutboxMail);
  }

  private async deliver(id: string): Promise<void> {
    const mail = await this.outbox.findOneBy({ id });
    if (!mail || mail.status === 'sent' || !this.transport) return;
    try {
      await this.transport.sendMail({ from: this.options.from, to: mail.recipient, subject: mail.subject, text: mail.body });
      await this.outbox.update({ id }, { status: 'sent', sentAt: new Date(), error: null });
    } catch (error) {
      this.logger.warn(`Mail ${id} not delivered: ${(error as Error).message}`);
      await this.outbox.update({ id }, { status: 'failed', error: (error as Error).message.slice(0, 500) });
      throw error;
    }
  }
}

function toOutboxMail(row: OutboxMailEntity): OutboxMail {
  return {
    id: row.id,
    to: row.recipient,
    subject: row.subject,
    text: row.body,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    error: row.error,
  };
}
