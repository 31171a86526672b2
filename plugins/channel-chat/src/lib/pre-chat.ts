import type { PreChatField } from '@switchboard/contracts';
import { isEmail } from 'class-validator';
import { RequestProblem } from './visitor-requests';

/** The answers the site asks for, trimmed, with the unknown ones left out; a missing required one or a bad e-mail is refused. */
export function preChatAnswers(fields: readonly PreChatField[], given: Record<string, string> = {}): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const field of fields) {
    const value = given[field.key]?.trim() ?? '';
    if (!value) {
      if (field.required) throw new RequestProblem(`fields.${field.key}`, `${field.label} is required`);
      continue;
    }
    if (field.type === 'email' && !isEmail(value)) throw new RequestProblem(`fields.${field.key}`, `${field.label} must be an e-mail address`);
    answers[field.key] = value;
  }
  return answers;
}

/** The visitor's name among the answers: the first field of type name. */
export const nameOf = (fields: readonly PreChatField[], answers: Record<string, string>): string | undefined => {
  const key = fields.find((f) => f.type === 'name')?.key;
  return key ? answers[key] : undefined;
};

/** The visitor's e-mail among the answers: the first field of type email. */
export const emailOf = (fields: readonly PreChatField[], answers: Record<string, string>): string | undefined => {
  const key = fields.find((f) => f.type === 'email')?.key;
  return key ? answers[key] : undefined;
};
