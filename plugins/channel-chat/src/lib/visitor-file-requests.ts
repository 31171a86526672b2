import { CHAT_IDENTITY_ID_MAX, DomainException, ErrorCode, invalidField, type ChatSiteSettings } from '@switchboard/contracts';
import type { ChannelAccount, ContactRef } from '@switchboard/plugin-sdk';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { checkIdentity, contactAddressOf } from './visitor-identity';
import { parse, RequestProblem } from './visitor-requests';

/** Who is asking: the token `chat.ready` gave the widget, and the site's signed identity of the visitor when the page has one. */
class VisitorCredentials {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'visitorToken must be the token the chat gave this browser' })
  visitorToken!: string;

  @IsOptional()
  @IsString()
  @MaxLength(CHAT_IDENTITY_ID_MAX)
  identityId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  identitySignature?: string;
}

/** The fields of a file upload (beside the file). */
export class FileUploadRequest extends VisitorCredentials {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'clientId must be 1-64 letters, digits, "-" or "_"' })
  clientId!: string;
}

/** The fields of a file download. */
export class FileDownloadRequest extends VisitorCredentials {}

/** The multipart fields as their request class; a 400 naming the first bad field otherwise. */
export function readFields<T extends object>(type: new () => T, body: unknown): T {
  try {
    return parse(type, { ...(body as object) });
  } catch (error) {
    if (error instanceof RequestProblem) throw invalidField(error.field || 'body', error.message);
    throw error;
  }
}

/**
 * The contact the request speaks for, as the socket's handshake decides it: a visitor the site
 * signed in is their identity's contact (a wrong signature is refused), anyone else their token's.
 */
export function contactOf(site: ChannelAccount<ChatSiteSettings>, credentials: VisitorCredentials): ContactRef {
  const identity = credentials.identityId === undefined ? undefined : { id: credentials.identityId, signature: credentials.identitySignature };
  const signed = checkIdentity(site.settings.identitySecret, identity);
  if (signed.kind === 'forged') throw new DomainException(ErrorCode.Forbidden, signed.reason);
  return { channelId: 'chat', accountId: site.id, contactAddress: contactAddressOf(signed, credentials.visitorToken) };
}

