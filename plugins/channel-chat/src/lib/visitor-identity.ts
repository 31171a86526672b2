import { CHAT_IDENTITY_ID_MAX } from '@switchboard/contracts';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE = /^[0-9a-f]{64}$/i;

/** A new visitor's token: 256 random bits. The widget keeps it; it is the visitor's only key to their chat. */
export const newVisitorToken = (): string => randomBytes(32).toString('base64url');

export const isVisitorToken = (value: unknown): value is string => typeof value === 'string' && TOKEN.test(value);

/** The visitor's contact address: a hash of the token, so that the key itself is never stored or shown to agents. */
export const visitorAddress = (token: string): string => `visitor:${createHash('sha256').update(token).digest('base64url').slice(0, 32)}`;

/** The contact address of a visitor the site signed in: the same on every browser they use. */
export const identifiedAddress = (id: string): string => `user:${id}`;

/** The room of one visitor's sockets on one site: every tab, on every node. */
export const visitorRoom = (siteId: string, address: string): string => `chat:${siteId}:${address}`;

/** The room of every visitor socket of one site (visitor tracking). */
export const siteRoom = (siteId: string): string => `chat-site:${siteId}`;

/** Who a signed identity says the visitor is. */
export interface VerifiedIdentity {
  id: string;
  name: string | null;
  email: string | null;
}

/** The hex HMAC-SHA256 of `id` with the site's identity secret: what the site's server puts in `data-visitor-signature`. */
export const identitySignature = (secret: string, id: string): string => createHmac('sha256', secret).update(id).digest('hex');

const text = (value: unknown, max: number): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null);

export type IdentityCheck = { kind: 'anonymous' } | { kind: 'forged'; reason: string } | ({ kind: 'signed' } & VerifiedIdentity);

/** A visitor's contact address: a signed-in visitor's the same on every browser, anyone else's their token's. */
export const contactAddressOf = (signed: Exclude<IdentityCheck, { kind: 'forged' }>, token: string): string =>
  signed.kind === 'signed' ? identifiedAddress(signed.id) : visitorAddress(token);

/**
 * The handshake's identity: `anonymous` when there is none or it carries no signature (it is then
 * ignored: an unsigned claim never reaches anyone's conversations), `forged` when the signature
 * does not match, else the identity the site vouched for.
 */
export function checkIdentity(secret: string, identity: unknown): IdentityCheck {
  if (!identity || typeof identity !== 'object') return { kind: 'anonymous' };
  const { id, signature, name, email } = identity as Record<string, unknown>;
  if (signature === undefined || signature === null || signature === '') return { kind: 'anonymous' };
  if (!secret) return { kind: 'forged', reason: 'This site signs no visitor identities' };
  if (typeof id !== 'string' || !id.trim() || id.length > CHAT_IDENTITY_ID_MAX) return { kind: 'forged', reason: `The visitor id must be 1 to ${CHAT_IDENTITY_ID_MAX} characters` };
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return { kind: 'forged', reason: 'The visitor signature must be 64 hexadecimal digits' };
  const expected = Buffer.from(identitySignature(secret, id), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return { kind: 'forged', reason: 'The visitor signature does not match this site' };
  return { kind: 'signed', id, name: text(name, 200), email: text(email, 320) };
}
