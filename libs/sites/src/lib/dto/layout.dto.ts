import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import type { ChatLayoutRequest, LayoutCloneRequest, LayoutPreviewRequest } from '@switchboard/contracts';
import { trimString } from '@switchboard/db';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Longest template (characters). */
const TEMPLATE_MAX = 50_000;

export class LayoutCloneDto implements LayoutCloneRequest {
  @ApiProperty({ maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
}

export class LayoutPreviewDto implements LayoutPreviewRequest {
  @ApiProperty({ maxLength: TEMPLATE_MAX, description: 'Handlebars; output escaped, no scripts' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEMPLATE_MAX)
  template!: string;
}

export class LayoutDto extends IntersectionType(LayoutCloneDto, LayoutPreviewDto) implements ChatLayoutRequest {}
