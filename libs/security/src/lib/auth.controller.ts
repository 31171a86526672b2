import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuditAction, invalidField, type CurrentUser, type LoginResult, type MfaSetup, type SignedIn, type SignedInWithRecoveryCodes } from '@switchboard/contracts';
import { SignedInUser } from '@switchboard/permissions';
import type { Request, Response } from 'express';
import { AccountService } from './account/account.service';
import { bearerToken } from './auth.guard';
import { AuthService, type SignInOutcome } from './auth.service';
import { CredentialsService } from './credentials.service';
import { ForgotPasswordDto, ResetPasswordDto, StepCodeDto, StepNewPasswordDto, StepTokenDto } from './dto/auth.dto';
import { CurrentUserDto, LoginDto } from './dto/login.dto';
import { currentClient } from './login/client-info';
import { MfaService } from './mfa/mfa.service';
import { Public } from './public.decorator';
import { clearRefreshCookie, refreshCookie, setRefreshCookie } from './refresh-cookie';
import { PasswordResetService } from './reset/password-reset.service';
import { SecurityException } from './security.exception';
import { SessionsService } from './sessions/sessions.service';
import { SecuritySettingsService } from './settings/security-settings.service';

const FORGOT_ANSWER = { message: 'If an account has this address, a link to reset its password is on its way. The link works for one hour.' };

/** Sign-in and its steps, refresh, sign-out and the password-reset link. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly account: AccountService,
    private readonly credentials: CredentialsService,
    private readonly mfa: MfaService,
    private readonly sessions: SessionsService,
    private readonly resets: PasswordResetService,
    private readonly settings: SecuritySettingsService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'LoginResult: signed in (and the refresh cookie), or the next step with its step token' })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS, the same for every failure' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this IP or for this login; see Retry-After' })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response): Promise<LoginResult> {
    return this.finish(await this.auth.login(body.login, body.password), response);
  }

  @Public()
  @Post('login/mfa')
  @HttpCode(200)
  async loginMfa(@Body() body: StepCodeDto, @Res({ passthrough: true }) response: Response): Promise<LoginResult> {
    return this.finish(await this.auth.loginWithCode(body.stepToken, body.code), response);
  }

  @Public()
  @Post('login/mfa/setup')
  @HttpCode(200)
  async loginMfaSetup(@Body() body: StepTokenDto): Promise<MfaSetup> {
    const user = await this.auth.stepUser(body.stepToken, 'mfa-enrolment-required');
    return this.mfa.setup(user.id, user.username);
  }

  @Public()
  @Post('login/mfa/enable')
  @HttpCode(200)
  async loginMfaEnable(@Body() body: StepCodeDto, @Res({ passthrough: true }) response: Response): Promise<SignedInWithRecoveryCodes> {
    const user = await this.auth.stepUser(body.stepToken, 'mfa-enrolment-required');
    const recoveryCodes = await this.account.enableMfa(user, body.code);
    const signedIn = await this.auth.signIn(user, { mfa: 'enrolled' });
    return { ...(this.finish(signedIn, response) as SignedIn), recoveryCodes };
  }

  /** The expired-password step: a new password, then whatever step comes next. */
  @Public()
  @Post('login/password')
  @HttpCode(200)
  async loginNewPassword(@Body() body: StepNewPasswordDto, @Res({ passthrough: true }) response: Response): Promise<LoginResult> {
    const user = await this.auth.stepUser(body.stepToken, 'password-expired');
    await this.account.checkNewPassword(user, body.newPassword, 'newPassword');
    if (await this.credentials.verifyPassword(user.id, body.newPassword)) throw invalidField('newPassword', 'Choose a password other than the expired one');
    await this.account.savePassword(user, body.newPassword, AuditAction.PasswordChanged);
    return this.finish(await this.auth.next(user, await this.settings.get(), { mfaPassed: false }), response);
  }

  /** A new access token for the refresh cookie, which is replaced. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedIn> {
    const token = refreshCookie(request);
    if (!token) throw SecurityException.unauthenticated('Not signed in');
    try {
      return this.finish(await this.auth.refresh(token), response) as SignedIn;
    } catch (error) {
      clearRefreshCookie(response);
      throw error;
    }
  }

  /** Ends this device's session, found by its access token or, when that has expired, by its cookie. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const bearer = bearerToken(request.headers['authorization']);
    const signedIn = bearer ? await this.auth.verify(bearer).catch(() => null) : null;
    const cookie = refreshCookie(request);
    const session = signedIn ? { id: signedIn.sessionId, userId: signedIn.user.id } : cookie ? await this.sessions.sessionOfRefreshToken(cookie) : null;
    clearRefreshCookie(response);
    if (!session) return;
    await this.sessions.revoke([session.id], 'Signed out');
    await this.auth.recordLogout(session.userId);
  }

  @Public()
  @Post('password/forgot')
  @HttpCode(202)
  async forgot(@Body() body: ForgotPasswordDto): Promise<{ message: string }> {
    await this.resets.request(body.email, currentClient().ip);
    return FORGOT_ANSWER;
  }

  /** Sets a new password with a reset link's token. Does not sign in (MFA stays in force); ends every session. */
  @Public()
  @Post('password/reset')
  @HttpCode(204)
  async reset(@Body() body: ResetPasswordDto): Promise<void> {
    const user = await this.resets.userOf(body.token);
    await this.account.checkNewPassword(user, body.password, 'password');
    await this.resets.spend(body.token, (manager) => this.account.savePassword(user, body.password, AuditAction.PasswordReset, manager));
    await this.sessions.revokeAllOf([user.id], 'Your password was reset; sign in again');
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CurrentUserDto })
  me(@SignedInUser() user: CurrentUser): CurrentUser {
    return user;
  }

  /** The answer of a sign-in step; a finished sign-in also sets the refresh cookie. */
  private finish(outcome: SignInOutcome, response: Response): LoginResult {
    if (outcome.refresh) setRefreshCookie(response, outcome.refresh);
    return outcome.result;
  }
}
