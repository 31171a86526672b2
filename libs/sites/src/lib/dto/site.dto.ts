import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PRE_CHAT_FIELD_TYPES,
  type BusinessHours,
  type PreChatField,
  type PreChatFieldType,
  type SiteRequest,
} from '@switchboard/contracts';
import { trimString } from '@switchboard/db';
import { PrioritizedAgentDto } from '@switchboard/staff';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class PreChatFieldDto implements PreChatField {
  @ApiProperty({ example: 'company', description: 'Lower-case letters, digits, - and _, starting with a letter' })
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'key must be lower-case letters, digits, - or _, starting with a letter (at most 40)' })
  key!: string;

  @ApiProperty({ maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label!: string;

  @ApiProperty({ enum: PRE_CHAT_FIELD_TYPES })
  @IsIn(PRE_CHAT_FIELD_TYPES)
  type!: PreChatFieldType;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;
}

export class BusinessHoursDto implements BusinessHours {
  @ApiProperty({ example: 'Europe/Prague' })
  @IsString()
  @MaxLength(100)
  timezone!: string;

  @ApiProperty({ description: 'mon…sun: opening periods [{ open: "09:00", close: "17:00" }]; a day with none is closed' })
  @IsObject()
  days!: BusinessHours['days'];
}

export class SiteDto implements SiteRequest {
  @ApiProperty({ maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'https://www.example.com', maxLength: 2000 })
  @Transform(trimString)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'url must be an http or https address' })
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['https://shop.example.com'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  allowedOrigins?: string[];

  @ApiPropertyOptional({ maxLength: 100, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  layout?: string | null;

  @ApiPropertyOptional({ type: [PrioritizedAgentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PrioritizedAgentDto)
  agents?: PrioritizedAgentDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  offlineRecipientIds?: string[];

  @ApiPropertyOptional({ type: [PreChatFieldDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PreChatFieldDto)
  preChatFields?: PreChatFieldDto[];

  @ApiPropertyOptional({ type: BusinessHoursDto, nullable: true, description: 'null: always open' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BusinessHoursDto)
  businessHours?: BusinessHoursDto | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
