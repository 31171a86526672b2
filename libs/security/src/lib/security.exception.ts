import { DomainException, ErrorCode } from '@switchboard/contracts';

/** Errors of the security module; the API maps their codes to HTTP statuses in one place. */
export class SecurityException extends DomainException {
  /** One answer for unknown user, wrong password and disabled account: nothing to tell apart. */
  static invalidCredentials(message = 'Invalid login or password'): SecurityException {
    return new SecurityException(ErrorCode.InvalidCredentials, message);
  }

  static unauthenticated(message = 'Sign in to continue'): SecurityException {
    return new SecurityException(ErrorCode.Unauthenticated, message);
  }
}
