import { ApiProperty } from '@nestjs/swagger';
import { QUEUE_PRIORITY_MAX, QUEUE_PRIORITY_MIN, type RuleAgent } from '@switchboard/contracts';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

/** An agent chosen with a priority (1 is tried first; seed 002: high and low), as rules and sites take them. */
export class PrioritizedAgentDto implements RuleAgent {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agentId!: string;

  @ApiProperty({ minimum: QUEUE_PRIORITY_MIN, maximum: QUEUE_PRIORITY_MAX, description: '1 is tried first' })
  @IsInt()
  @Min(QUEUE_PRIORITY_MIN)
  @Max(QUEUE_PRIORITY_MAX)
  priority!: number;
}
