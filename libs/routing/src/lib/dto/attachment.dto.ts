import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The text fields of an agent's file upload (multipart, beside the field `file`). */
export class AttachmentUploadDto {
  @ApiProperty({ maxLength: 100, description: "The console's own id of the message: a retry with the same id stores nothing new" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  clientId!: string;
}
