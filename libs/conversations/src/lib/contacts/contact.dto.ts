import { ApiPropertyOptional } from '@nestjs/swagger';
import type { SaveContactRequest } from '@switchboard/contracts';
import { IsEmail, IsOptional, Matches, MaxLength, ValidateIf } from 'class-validator';

export class SaveContactDto implements SaveContactRequest {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '+420 601 234 567' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(/^\+?[0-9 ()./-]{3,40}$/, { message: 'phone must be a phone number: digits, spaces and + ( ) . / -' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;
}
