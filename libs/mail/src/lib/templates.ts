import Handlebars from 'handlebars';

/** Plain-text mail bodies. Handlebars escapes nothing in text mail, so values are printed as given. */
const TEMPLATES = {
  passwordReset: {
    subject: 'Reset your Switchboard password',
    text: `Hello {{name}},

someone asked to reset the password of your Switchboard account "{{username}}".
To choose a new password, open this link within one hour:

{{link}}

The link works once. If you did not ask for this, ignore this mail: your password stays as it is.
`,
  },
  offlineMessage: {
    subject: 'Offline message from your website',
    text: `Hello {{name}},

a visitor left a message while no operator could answer.

From: {{from}}
E-mail: {{email}}
Page: {{page}}
Received: {{at}}

{{body}}
`,
  },
  chatTranscript: {
    subject: 'Your chat transcript',
    text: `Hello,

here is the transcript of your chat of {{date}}, as you asked.

{{transcript}}
`,
  },
} as const;

export type MailTemplate = keyof typeof TEMPLATES;

const compiled = Object.fromEntries(
  Object.entries(TEMPLATES).map(([name, t]) => [name, { subject: t.subject, text: Handlebars.compile(t.text, { noEscape: true, strict: true }) }]),
) as Record<MailTemplate, { subject: string; text: Handlebars.TemplateDelegate }>;

/** Subject and body of a template filled with `values` (a missing value throws). */
export function renderMail(template: MailTemplate, values: Record<string, string>): { subject: string; text: string } {
  const { subject, text } = compiled[template];
  return { subject, text: text(values) };
}
