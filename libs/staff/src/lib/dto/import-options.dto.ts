import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { commaList, toBoolean } from './transforms';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';

/** The form fields that go with the CSV `file` of `POST /api/v1/agents/import`. */
export class ImportOptionsDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Validate only; create nothing', default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun = false;

  @ApiPropertyOptional({ type: Boolean, description: 'Create all rows or, when any is bad, none', default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  atomic = false;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: "Id of the 'staff.import.progress' socket events sent while the import runs" })
  @IsOptional()
  @IsUUID('4')
  importId?: string;

  @ApiPropertyOptional({ type: String, description: 'Comma-separated queue ids to place every imported agent in' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  queueIds: string[] = [];
}
