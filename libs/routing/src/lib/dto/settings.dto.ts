import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { PRESENCE_STATUSES, STAFF_CHANNELS, type OfflineRecipients, type PauseReasonRequest, type PresenceStatus, type RoutingSettings, type SetChannelRequest, type SetPresenceRequest, type StaffChannel } from '@switchboard/contracts';
import { PageQueryDto, trimString } from '@switchboard/db';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class RoutingSettingsDto implements Partial<RoutingSettings> {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  agentsMayToggleChannels?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  offerTimeoutSeconds?: number;
}

export class PauseReasonDto implements PauseReasonRequest {
  @ApiProperty({ maxLength: 60 })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
export class UpdatePauseReasonDto extends PartialType(PauseReasonDto) {}

export class OfflineRecipientsDto implements OfflineRecipients {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  agentIds!: string[];
}

export class SetPresenceDto implements SetPresenceRequest {
  @ApiProperty({ enum: PRESENCE_STATUSES })
  @IsIn(PRESENCE_STATUSES)
  status!: PresenceStatus;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((dto: SetPresenceDto) => dto.pauseReasonId !== null && dto.pauseReasonId !== undefined)
  @IsUUID()
  pauseReasonId?: string | null;
}

export class SetChannelDto implements SetChannelRequest {
  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;
}

export class ChannelParamDto {
  @ApiProperty({ enum: STAFF_CHANNELS })
  @IsIn(STAFF_CHANNELS)
  channel!: StaffChannel;
}

export class PresenceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PRESENCE_STATUSES })
  @IsOptional()
  @IsIn(PRESENCE_STATUSES)
  status?: PresenceStatus;
}
