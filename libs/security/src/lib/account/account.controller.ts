import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AccountSecurity, CurrentUser, MfaSetup } from '@switchboard/contracts';
import { SignedInUser } from '@switchboard/permissions';
import { CurrentSession } from '../current-session.decorator';
import { ChangeEmailDto, ChangePasswordDto, MfaCodeDto, PasswordConfirmDto } from '../dto/auth.dto';
import { AccountService } from './account.service';

/** The signed-in user's own password, e-mail and second factor. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get('account')
  security(@SignedInUser() user: CurrentUser): Promise<AccountSecurity> {
    return this.account.security(user);
  }

  /** Ends the user's other sessions; this one stays. */
  @Put('password')
  @HttpCode(204)
  async changePassword(@SignedInUser() user: CurrentUser, @CurrentSession() sessionId: string, @Body() body: ChangePasswordDto): Promise<void> {
    await this.account.changePassword(user, body.currentPassword, body.newPassword, sessionId);
  }

  @Put('email')
  changeEmail(@SignedInUser() user: CurrentUser, @Body() body: ChangeEmailDto): Promise<CurrentUser> {
    return this.account.changeEmail(user, body.password, body.email);
  }

  @Post('mfa/setup')
  @HttpCode(200)
  setupMfa(@SignedInUser() user: CurrentUser, @Body() body: PasswordConfirmDto): Promise<MfaSetup> {
    return this.account.setupMfa(user, body.password);
  }

  @Post('mfa/enable')
  @HttpCode(200)
  async enableMfa(@SignedInUser() user: CurrentUser, @Body() body: MfaCodeDto): Promise<{ recoveryCodes: string[] }> {
    return { recoveryCodes: await this.account.enableMfa(user, body.code) };
  }

  @Post('mfa/recovery-codes')
  @HttpCode(200)
  async renewRecoveryCodes(@SignedInUser() user: CurrentUser, @Body() body: PasswordConfirmDto): Promise<{ recoveryCodes: string[] }> {
    return { recoveryCodes: await this.account.renewRecoveryCodes(user, body.password) };
  }

  @Post('mfa/disable')
  @HttpCode(204)
  async disableMfa(@SignedInUser() user: CurrentUser, @Body() body: PasswordConfirmDto): Promise<void> {
    await this.account.disableMfa(user, body.password);
  }
}
