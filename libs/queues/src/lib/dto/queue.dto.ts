import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  OVERFLOW_ACTIONS,
  ROUTING_STRATEGIES,
  type OverflowAction,
  type RoutingStrategy,
  QUEUE_PRIORITY_MAX,
  QUEUE_PRIORITY_MIN,
  STAFF_CHANNELS,
  type AddQueueMemberRequest,
  type AddQueueSupervisorRequest,
  type AddToChannelQueuesRequest,
  type QueueRequest,
  type StaffChannel,
} from '@switchboard/contracts';
import { PageQueryDto, trimString } from '@switchboard/db';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class CreateQueueDto implements QueueRequest {
  @ApiProperty({ maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: STAFF_CHANNELS })
  @IsIn(STAFF_CHANNELS)
  channel!: StaffChannel;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional({ enum: ROUTING_STRATEGIES, default: 'least-recent' })
  @IsOptional()
  @IsIn(ROUTING_STRATEGIES)
  strategy?: RoutingStrategy;

  @ApiPropertyOptional({ minimum: 1, maximum: 600, default: 30, description: 'Seconds to accept an offer before it moves on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  offerTimeoutSeconds?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 86400, default: 0, description: 'Seconds before overflow; 0 = no limit' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86400)
  maxWaitSeconds?: number;

  @ApiPropertyOptional({ enum: OVERFLOW_ACTIONS, default: 'none' })
  @IsOptional()
  @IsIn(OVERFLOW_ACTIONS)
  overflowAction?: OverflowAction;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Required when overflowAction is "queue"' })
  @ValidateIf((dto: CreateQueueDto) => dto.overflowQueueId !== null && dto.overflowQueueId !== undefined)
  @IsUUID()
  overflowQueueId?: string | null;
}

export class UpdateQueueDto extends PartialType(CreateQueueDto) {}

export const QUEUE_SORT_FIELDS = ['name', 'channel', 'memberCount', 'createdAt'] as const;

export class QueueListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STAFF_CHANNELS })
  @IsOptional()
  @IsIn(STAFF_CHANNELS)
  channel?: StaffChannel;

  @ApiPropertyOptional({ type: String, enum: QUEUE_SORT_FIELDS, default: 'name' })
  @IsOptional()
  @IsIn(QUEUE_SORT_FIELDS)
  sort: (typeof QUEUE_SORT_FIELDS)[number] = 'name';
}

class PriorityDto {
  @ApiPropertyOptional({ minimum: QUEUE_PRIORITY_MIN, maximum: QUEUE_PRIORITY_MAX, default: 1, description: '1 is tried first' })
  @IsOptional()
  @IsInt()
  @Min(QUEUE_PRIORITY_MIN)
  @Max(QUEUE_PRIORITY_MAX)
  priority?: number;
}

export class AddQueueMemberDto extends PriorityDto implements AddQueueMemberRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agentId!: string;
}

export class UpdateQueueMemberDto {
  @ApiProperty({ minimum: QUEUE_PRIORITY_MIN, maximum: QUEUE_PRIORITY_MAX })
  @IsInt()
  @Min(QUEUE_PRIORITY_MIN)
  @Max(QUEUE_PRIORITY_MAX)
  priority!: number;
}

export class AddQueueSupervisorDto implements AddQueueSupervisorRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agentId!: string;
}

export class AddToChannelQueuesDto extends PriorityDto implements AddToChannelQueuesRequest {
  @ApiProperty({ enum: STAFF_CHANNELS })
  @IsIn(STAFF_CHANNELS)
  channel!: StaffChannel;
}
