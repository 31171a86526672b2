import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TeamRequest } from '@switchboard/contracts';
import { Transform } from 'class-transformer';
import { PageQueryDto } from '@switchboard/db';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Omittable } from '../dto/agent-fields';
import { trimmed } from '../dto/transforms';

export class CreateTeamDto implements TeamRequest {
  @ApiProperty({ maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

export class UpdateTeamDto implements Partial<TeamRequest> {
  @ApiPropertyOptional({ maxLength: 100 })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

export class AddTeamMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4')
  agentId!: string;
}

export const TEAM_SORT_FIELDS = ['name', 'memberCount', 'createdAt'] as const;

export class TeamListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, enum: TEAM_SORT_FIELDS, default: 'name' })
  @IsOptional()
  @IsIn(TEAM_SORT_FIELDS)
  sort: (typeof TEAM_SORT_FIELDS)[number] = 'name';
}
