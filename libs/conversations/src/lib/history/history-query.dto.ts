import { ApiPropertyOptional } from '@nestjs/swagger';
import { InteractionStatus, STAFF_CHANNELS, type HistoryQuery, type StaffChannel } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';

const STATUSES = Object.values(InteractionStatus);

export class HistoryQueryDto extends PageQueryDto implements HistoryQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ enum: STAFF_CHANNELS })
  @IsOptional()
  @IsIn(STAFF_CHANNELS)
  channel?: StaffChannel;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: InteractionStatus;

  @ApiPropertyOptional({ description: 'ISO instant, inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO instant, exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  /** Newest first unless asked otherwise. */
  override order: 'asc' | 'desc' = 'desc';
}
