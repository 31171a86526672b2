import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type RoutingRuleRequest, type RuleOrderRequest } from '@switchboard/contracts';
import { trimString } from '@switchboard/db';
import { PrioritizedAgentDto } from '@switchboard/staff';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class RoutingRuleDto implements RoutingRuleRequest {
  @ApiProperty({ maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiProperty({ type: [String], description: 'URL patterns; * is any run of characters', example: ['*.example.com/support/*'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  patterns!: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((dto: RoutingRuleDto) => dto.queueId !== null && dto.queueId !== undefined)
  @IsUUID()
  queueId?: string | null;

  @ApiPropertyOptional({ type: [PrioritizedAgentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PrioritizedAgentDto)
  agents?: PrioritizedAgentDto[];

  @ApiPropertyOptional({ maxLength: 100, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  layout?: string | null;

  @ApiPropertyOptional({ maxLength: 100, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  callClass?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  offlineRecipientIds?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class RuleOrderDto implements RuleOrderRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class RuleMatchQueryDto {
  @ApiProperty({ description: 'A page address', example: 'https://www.example.com/support/' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  url!: string;
}
