import { DomainException, ErrorCode, invalidField } from '@switchboard/contracts';

export const agentNotFound = () => new DomainException(ErrorCode.NotFound, 'Agent not found');

export const invalid = invalidField;

export const conflict = (field: string, message: string) => new DomainException(ErrorCode.Conflict, message, [{ field, messages: [message] }]);

/** The unique index behind a violation, named as the field a user would fix. */
export const UNIQUE_FIELDS: Record<string, string> = {
  staff_users_username_key: 'username',
  staff_users_email_key: 'email',
  staff_users_extension_key: 'extension',
};
