import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BlacklistEntryRequest } from '@switchboard/contracts';
import { trimString } from '@switchboard/db';
import { Transform } from 'class-transformer';
import { IsIP, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class BlacklistEntryDto implements BlacklistEntryRequest {
  @ApiProperty({ maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description!: string;

  @ApiProperty({ example: '203.0.113.10', description: 'IPv4 or IPv6 address' })
  @Transform(trimString)
  @IsIP(undefined, { message: 'startIp must be an IPv4 or IPv6 address' })
  startIp!: string;

  @ApiPropertyOptional({ example: '203.0.113.20', nullable: true, description: 'Omitted: the start alone' })
  @Transform(trimString)
  @IsOptional()
  @IsIP(undefined, { message: 'endIp must be an IPv4 or IPv6 address' })
  endIp?: string | null;
}
