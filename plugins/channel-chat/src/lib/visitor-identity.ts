import { createHash, randomBytes } from 'node:crypto';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new visitor's token: 256 random bits. The widget keeps it; it is the visitor's only key to their chat. */
export const newVisitorToken = (): string => randomBytes(32).toString('base64url');

export const isVisitorToken = (value: unknown): value is string => typeof value === 'string' && TOKEN.test(value);

/** The visitor's contact address: a hash of the token, so that the key itself is never stored or shown to agents. */
export const visitorAddress = (token: string): string => `visitor:${createHash('sha256').update(token).digest('base64url').slice(0, 32)}`;

/** The room of one visitor's sockets on one site: every tab, on every node. */
export const visitorRoom = (siteId: string, address: string): string => `chat:${siteId}:${address}`;
