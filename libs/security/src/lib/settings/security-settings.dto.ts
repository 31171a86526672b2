import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, type SecuritySettings } from '@switchboard/contracts';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

const ROLES = Object.values(Role);

/** `PUT /api/v1/settings/security`: any subset of the settings; the rest stays. */
export class UpdateSecuritySettingsDto implements Partial<SecuritySettings> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() suiteEnabled?: boolean;

  @ApiPropertyOptional({ minimum: 8, maximum: 64 })
  @IsOptional()
  @IsInt()
  @Min(8, { message: 'minLength must be at least 8 (NIST SP 800-63B)' })
  @Max(64, { message: 'minLength must be at most 64' })
  minLength?: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() compositionRule?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: '0 = never lock' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  maxFailedAttempts?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 525600, description: '0 = until an administrator unlocks' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(525_600)
  lockoutMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 3650, description: '0 = never' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  passwordExpiryDays?: number;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  mfaRequiredRoles?: Role[];

  @ApiPropertyOptional({ minimum: 0, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  maskVisibleCharacters?: number;
}
