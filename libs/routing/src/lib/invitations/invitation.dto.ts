import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import type { InvitationQuery, InvitationRequest } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

/** `?valid=true|false` arrives as text. */
const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class InvitationDto implements InvitationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  siteId!: string;

  @ApiPropertyOptional({ description: 'Omitted: true (a REST-made invitation serves any number of chats); the desk asks for false.' })
  @IsOptional()
  @IsBoolean()
  reusable?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: "Another agent's invitation (supervisors); omitted: the caller's." })
  @IsOptional()
  @IsUUID()
  agentId?: string;
}

export class InvitationQueryDto extends PageQueryDto implements InvitationQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ description: 'true: only those that can still open a chat; false: only spent or invalidated ones' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  valid?: boolean;
}
