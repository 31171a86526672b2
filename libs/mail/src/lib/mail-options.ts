export interface MailOptions {
  /** smtp(s)://user:pass@host:port; without it mail stays in the outbox the console shows. */
  smtpUrl?: string;
  /** The From address. */
  from: string;
}

export const MAIL_OPTIONS = Symbol('switchboard:MailOptions');

/** The job that delivers one outbox row over SMTP. */
export const MAIL_SEND_JOB = 'mail.send';
