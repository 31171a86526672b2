import { ApiProperty } from '@nestjs/swagger';
import type { ChangeOwnEmailRequest, ChangeOwnPasswordRequest, ForgotPasswordRequest, ResetPasswordRequest } from '@switchboard/contracts';
import { Equals, IsBoolean, IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../password-policy';

/** A password field: any string up to the maximum (the rules are checked by the policy, with the settings). */
function PasswordField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ format: 'password', maxLength: PASSWORD_MAX_LENGTH })(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(PASSWORD_MAX_LENGTH)(target, key);
  };
}

function TokenField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty()(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(2048)(target, key);
  };
}

export class StepTokenDto {
  @TokenField() stepToken!: string;
}

export class StepCodeDto extends StepTokenDto {
  @ApiProperty({ description: 'The 6-digit code of the app, or a recovery code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  code!: string;
}

export class StepNewPasswordDto extends StepTokenDto {
  @PasswordField() newPassword!: string;
}

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty({ format: 'email' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @TokenField() token!: string;
  @PasswordField() password!: string;
}

export class ChangePasswordDto implements ChangeOwnPasswordRequest {
  @PasswordField() currentPassword!: string;
  @PasswordField() newPassword!: string;
}

export class ChangeEmailDto implements ChangeOwnEmailRequest {
  @PasswordField() password!: string;

  @ApiProperty({ format: 'email' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;
}

export class PasswordConfirmDto {
  @PasswordField() password!: string;
}

export class MfaCodeDto {
  @ApiProperty({ description: 'The 6-digit code of the app' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  code!: string;
}

export class UnlockDto {
  @ApiProperty({ enum: [false], description: 'false unlocks; an account is locked only by failed sign-ins' })
  @IsBoolean()
  @Equals(false, { message: 'locked can only be set to false (unlock)' })
  locked!: false;
}
