import { DomainException, ErrorCode } from '@switchboard/contracts';

export const queueNotFound = () => new DomainException(ErrorCode.NotFound, 'Queue not found');
export const userNotFound = (field = 'agentId') =>
  new DomainException(ErrorCode.NotFound, 'User not found', [{ field, messages: ['No such user'] }]);
export const queueNameTaken = () =>
  new DomainException(ErrorCode.Conflict, 'A queue with this name exists', [{ field: 'name', messages: ['Already used by another queue'] }]);
