import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_CHANNELS, type InboundRequest, type OfflineMessageRequest, type ReplyRequest, type StaffChannel, type TransferRequest } from '@switchboard/contracts';
import { REPLY_MAX } from '../conversation/desk-messages';
import { IsEmail, IsIn, IsIP, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';

/** Largest message body the REST intake takes (characters). */
const BODY_MAX = 20_000;

export class InboundDto implements InboundRequest {
  @ApiProperty({ enum: STAFF_CHANNELS })
  @IsIn(STAFF_CHANNELS)
  channel!: StaffChannel;

  @ApiProperty({ maxLength: 200, description: 'The channel account (site, mailbox, number)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  accountId!: string;

  @ApiProperty({ maxLength: 320 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  contactAddress!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactName?: string;

  @ApiProperty({ maxLength: BODY_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(BODY_MAX)
  body!: string;

  @ApiProperty({ maxLength: 200, description: "The provider's or client's id of this message (dedupe key)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalMessageId!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2000)
  pageUrl?: string;

  @ApiPropertyOptional({ description: "The contact's IP address, checked against the blacklist" })
  @IsOptional()
  @IsIP(undefined, { message: 'remoteIp must be an IPv4 or IPv6 address' })
  remoteIp?: string;
}

export class OfflineMessageDto implements OfflineMessageRequest {
  @ApiProperty({ enum: STAFF_CHANNELS })
  @IsIn(STAFF_CHANNELS)
  channel!: StaffChannel;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  accountId!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 320 })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiProperty({ maxLength: BODY_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(BODY_MAX)
  body!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2000)
  pageUrl?: string;

  @ApiPropertyOptional({ description: "The contact's IP address, checked against the blacklist" })
  @IsOptional()
  @IsIP(undefined, { message: 'remoteIp must be an IPv4 or IPv6 address' })
  remoteIp?: string;
}

export class TransferDto implements TransferRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  queueId?: string;
}

export class AvailabilityQueryDto {
  @ApiProperty({ enum: STAFF_CHANNELS })
  @IsIn(STAFF_CHANNELS)
  channel!: StaffChannel;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  accountId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2000)
  pageUrl?: string;
}

export class ReplyDto implements ReplyRequest {
  @ApiProperty({ maxLength: 100, description: "The console's own id of the message: a retry with the same id stores nothing new" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  clientId!: string;

  @ApiProperty({ maxLength: REPLY_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REPLY_MAX)
  body!: string;
}
