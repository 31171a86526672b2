import { CHAT_MESSAGE_MAX } from '@switchboard/contracts';
import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, validateSync } from 'class-validator';

/** The first problem of a request: the field and what is wrong with it. */
export class RequestProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** An invitation's code as the kernel makes them (base64url); the kernel decides whether it is valid. */
const INVITATION_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** Pre-chat answers: at most 20 keys, short strings. */
const FIELDS_MAX = 20;
const FIELD_VALUE_MAX = 500;

/** What a visitor writes, and from which page. */
class WrittenRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(CHAT_MESSAGE_MAX)
  body!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  pageUrl?: string;
}

export class SendMessageRequest extends WrittenRequest {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'clientId must be 1-64 letters, digits, "-" or "_"' })
  clientId!: string;

  @IsOptional()
  @IsObject()
  fields?: Record<string, string>;

  @IsOptional()
  @IsString()
  @Matches(INVITATION_CODE, { message: 'invitation must be an invitation code' })
  invitation?: string;
}

/** `chat.invited`: the proactive invitation a tab shows, or null once the visitor dismissed it. */
export class InvitedRequest {
  @IsOptional()
  @IsString()
  @Matches(INVITATION_CODE, { message: 'invitation must be an invitation code' })
  invitation?: string | null;
}

export class OfflineRequest extends WrittenRequest {
  @IsObject()
  fields!: Record<string, string>;
}

export class TypingRequest {
  @IsBoolean()
  typing!: boolean;
}

export class ReadRequest {
  @IsString()
  @Matches(/^[0-9a-f-]{36}$/i, { message: 'upTo must be a message id' })
  upTo!: string;
}

export class RateRequest {
  @IsString()
  @Matches(/^[0-9a-f-]{36}$/i, { message: 'interactionId must be an id' })
  interactionId!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class TranscriptRequest {
  @IsString()
  @Matches(/^[0-9a-f-]{36}$/i, { message: 'interactionId must be an id' })
  interactionId!: string;

  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;
}

/** The request as its class, or a RequestProblem naming the first bad field (unknown fields are refused). */
export function parse<T extends object>(type: new () => T, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RequestProblem('', 'The request must be an object');
  const request = plainToInstance(type, body);
  const [error] = validateSync(request, { whitelist: true, forbidNonWhitelisted: true });
  if (error) throw new RequestProblem(error.property, Object.values(error.constraints ?? {})[0] ?? `${error.property} is not valid`);
  const fields = (request as { fields?: unknown }).fields;
  if (fields !== undefined) checkFields(fields);
  return request;
}

function checkFields(fields: unknown): void {
  const entries = Object.entries(fields as Record<string, unknown>);
  if (entries.length > FIELDS_MAX) throw new RequestProblem('fields', `At most ${FIELDS_MAX} fields`);
  for (const [key, value] of entries) {
    if (typeof value !== 'string' || value.length > FIELD_VALUE_MAX) throw new RequestProblem(`fields.${key}`, `Text of at most ${FIELD_VALUE_MAX} characters`);
  }
}
