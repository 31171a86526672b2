/** What the kernel tells the security module at start (from the validated configuration). */
export interface SecurityOptions {
  /** Access-token signing key; when absent one is generated once and kept in the database. */
  jwtSecret?: string;
  accessTokenTtlSeconds: number;
  /** Lifetime of a session (its refresh tokens); sign in again after it. */
  refreshTokenTtlSeconds: number;
  /** Where the console is reached; reset links are built from it, never from a request's Host. */
  publicUrl: string;
  /** Failed sign-ins allowed per client IP, and per login name, in LOGIN_THROTTLE_WINDOW seconds. */
  loginThrottle: { perIp: number; perAccount: number; windowSeconds: number };
  /** Redis for the throttle counters shared by every node; in memory without it. */
  redis?: { url: string; prefix: string };
  /** The administrator created on first start with an empty database. */
  firstAdmin: { username: string; email: string; password?: string };
}

export const SECURITY_OPTIONS = Symbol('switchboard:SecurityOptions');
