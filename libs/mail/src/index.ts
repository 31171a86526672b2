import { CreateMailOutbox1763900100000 } from './lib/migrations/1763900100000-createMailOutbox';

export { MailModule } from './lib/mail.module';
export type { MailOptions } from './lib/mail-options';
export { MailService } from './lib/mail.service';
export type { MailTemplate } from './lib/templates';

export const mailMigrations = [CreateMailOutbox1763900100000];
