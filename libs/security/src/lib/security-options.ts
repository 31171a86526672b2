/** What the kernel tells the security module at start (from the validated configuration). */
export interface SecurityOptions {
  /** Access-token signing key; when absent one is generated once and kept in the database. */
  jwtSecret?: string;
  accessTokenTtlSeconds: number;
  /** The administrator created on first start with an empty database. */
  firstAdmin: { username: string; email: string; password?: string };
}

export const SECURITY_OPTIONS = Symbol('switchboard:SecurityOptions');
