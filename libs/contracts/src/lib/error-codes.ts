/**
 * Stable machine-readable error codes. Every error the API returns carries one of these in
 * `code`; clients branch on the code, never on the message text.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  InvalidJson: 'INVALID_JSON',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Unauthenticated: 'UNAUTHENTICATED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  /** A password-reset link that is unknown, spent or expired. */
  ResetTokenInvalid: 'RESET_TOKEN_INVALID',
  Forbidden: 'FORBIDDEN',
  /** The contact's address is on the chat blacklist. */
  Blocked: 'BLOCKED',
  NotFound: 'NOT_FOUND',
  RouteNotFound: 'ROUTE_NOT_FOUND',
  Conflict: 'CONFLICT',
  /** A chat invitation that was used (one-chat) or invalidated. */
  InvitationInvalid: 'INVITATION_INVALID',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  Unavailable: 'UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem with one input field (`field` is a dotted path such as `address.city`). */
export interface FieldError {
  field: string;
  messages: string[];
}

/** The body of every non-2xx API response. */
export interface ApiError {
  statusCode: number;
  code: ErrorCode | string;
  message: string;
  details?: unknown;
}
