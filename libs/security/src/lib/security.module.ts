import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { STAFF_CREDENTIALS } from '@switchboard/staff';
import { AccountController } from './account/account.controller';
import { AccountService } from './account/account.service';
import { AgentSecurityController } from './agent-security/agent-security.controller';
import { AgentSecurityService } from './agent-security/agent-security.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { Clock } from './clock';
import { CredentialsService } from './credentials.service';
import { CredentialEntity } from './entities/credential.entity';
import { SigningKeyEntity } from './entities/signing-key.entity';
import { FirstAdminService } from './first-admin.service';
import { LockoutService } from './login/lockout.service';
import { LoginThrottleService } from './login/login-throttle.service';
import { PasswordGate } from './login/password-gate.service';
import { MaskingInterceptor } from './masking/masking.interceptor';
import { MfaService } from './mfa/mfa.service';
import { PasswordHasher } from './password-hasher';
import { PasswordResetService } from './reset/password-reset.service';
import { SECURITY_OPTIONS, type SecurityOptions } from './security-options';
import { SessionEvents } from './sessions/session-events';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { SecuritySettingsController } from './settings/security-settings.controller';
import { SecuritySettingsService } from './settings/security-settings.service';
import { SigningKeyService } from './signing-key.service';
import { StaffCredentialsAdapter } from './staff-credentials.adapter';
import { TokenService } from './token.service';

/**
 * Sign-in and its steps, sessions, lockout and throttling, MFA, password resets, the security
 * settings, masking and the first administrator. Global: it provides the staff module's
 * STAFF_CREDENTIALS port. Expects the global staff, audit, mail and jobs modules.
 */
@Module({})
export class SecurityModule {
  static forRoot(options: SecurityOptions): DynamicModule {
    return {
      module: SecurityModule,
      global: true,
      imports: [TypeOrmModule.forFeature([CredentialEntity, SigningKeyEntity]), JwtModule.register({})],
      controllers: [AuthController, AccountController, SessionsController, AgentSecurityController, SecuritySettingsController],
      providers: [
        { provide: SECURITY_OPTIONS, useValue: options },
        Clock,
        PasswordHasher,
        SigningKeyService,
        TokenService,
        CredentialsService,
        SecuritySettingsService,
        LockoutService,
        LoginThrottleService,
        SessionEvents,
        SessionsService,
        PasswordGate,
        MfaService,
        PasswordResetService,
        AuthService,
        AccountService,
        AgentSecurityService,
        AuthGuard,
        MaskingInterceptor,
        FirstAdminService,
        StaffCredentialsAdapter,
        { provide: STAFF_CREDENTIALS, useExisting: StaffCredentialsAdapter },
      ],
      exports: [AuthService, AuthGuard, MaskingInterceptor, CredentialsService, SecuritySettingsService, SessionEvents, Clock, STAFF_CREDENTIALS],
    };
  }
}
