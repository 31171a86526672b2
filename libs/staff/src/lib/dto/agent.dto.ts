import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgentListQuery, AgentSortField, CreateAgentRequest, Role, SetPasswordRequest, ToastPosition, Typology, UpdateAgentRequest } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { Transform } from 'class-transformer';
import { commaList, toBoolean } from './transforms';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  AutoAnswerDto,
  CapacityDto,
  Count,
  Email,
  Extension,
  Flag,
  FullName,
  Nested,
  NullableText,
  Omittable,
  PermissionsDto,
  RoleField,
  ToastPositionField,
  TypologyField,
  Username,
} from './agent-fields';

/** The optional settings of an agent, the same in create and update. */
class AgentSettingsDto {
  @NullableText(100) alias?: string | null;
  @TypologyField() typology?: Typology;
  @RoleField() role?: Role;
  @Extension() extension?: string;
  @NullableText(1000) description?: string | null;
  @Flag() voicemail?: boolean;
  @Flag() loginInPause?: boolean;
  @ToastPositionField() toastPosition?: ToastPosition;
  @Flag() disabled?: boolean;
  @Nested(() => CapacityDto) capacity?: CapacityDto;
  @Count(1000) tabLimit?: number;
  @Nested(() => AutoAnswerDto) autoAnswer?: AutoAnswerDto;
  @Nested(() => PermissionsDto) permissions?: PermissionsDto;
  @Flag() maskSensitiveData?: boolean;
}

export class CreateAgentDto extends AgentSettingsDto implements CreateAgentRequest {
  @Username() username!: string;
  @FullName() fullName!: string;
  @Email() email!: string;

  @ApiPropertyOptional({ description: 'Omit to have a strong one generated and answered once', format: 'password', maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({ type: [String], description: "Queues to place the agent in; a supervisor must name at least one of their own" })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  queueIds?: string[];
}

export class UpdateAgentDto extends AgentSettingsDto implements UpdateAgentRequest {
  @Omittable() @Username(false) username?: string;
  @Omittable() @FullName(false) fullName?: string;
  @Omittable() @Email(false) email?: string;
}

const SORT_FIELDS: AgentSortField[] = ['username', 'fullName', 'email', 'role', 'extension', 'createdAt'];

export class AgentListQueryDto extends PageQueryDto implements AgentListQuery {
  @ApiPropertyOptional({ enum: ['admin', 'supervisor', 'agent'] })
  @IsOptional()
  @IsIn(['admin', 'supervisor', 'agent'])
  role?: Role;

  @ApiPropertyOptional({ enum: ['phonebar', 'external', 'webrtc', 'mobile'] })
  @IsOptional()
  @IsIn(['phonebar', 'external', 'webrtc', 'mobile'])
  typology?: Typology;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  queueId?: string;

  @ApiPropertyOptional({ type: String, enum: SORT_FIELDS, default: 'username' })
  @IsOptional()
  @IsIn(SORT_FIELDS)
  sort: AgentSortField = 'username';
}

export class BulkDeleteDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(1000)
  @IsUUID('4', { each: true })
  ids!: string[];
}

export class SetPasswordDto implements SetPasswordRequest {
  @ApiPropertyOptional({ format: 'password', description: 'Omit to have one generated' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ type: String, description: 'Comma-separated agent ids; all visible agents when omitted' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(10000)
  @IsUUID('4', { each: true })
  ids?: string[];
}
