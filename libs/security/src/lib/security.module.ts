import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { STAFF_CREDENTIALS } from '@switchboard/staff';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CredentialsService } from './credentials.service';
import { CredentialEntity } from './entities/credential.entity';
import { SigningKeyEntity } from './entities/signing-key.entity';
import { FirstAdminService } from './first-admin.service';
import { PasswordHasher } from './password-hasher';
import { SECURITY_OPTIONS, type SecurityOptions } from './security-options';
import { SigningKeyService } from './signing-key.service';
import { StaffCredentialsAdapter } from './staff-credentials.adapter';
import { TokenService } from './token.service';

/**
 * Sign-in, access tokens, credentials and the first administrator. Global: it provides the
 * staff module's STAFF_CREDENTIALS port. Expects the (global) staff module for UsersService.
 */
@Module({})
export class SecurityModule {
  static forRoot(options: SecurityOptions): DynamicModule {
    return {
      module: SecurityModule,
      global: true,
      imports: [TypeOrmModule.forFeature([CredentialEntity, SigningKeyEntity]), JwtModule.register({})],
      controllers: [AuthController],
      providers: [
        { provide: SECURITY_OPTIONS, useValue: options },
        PasswordHasher,
        SigningKeyService,
        TokenService,
        CredentialsService,
        AuthService,
        AuthGuard,
        FirstAdminService,
        StaffCredentialsAdapter,
        { provide: STAFF_CREDENTIALS, useExisting: StaffCredentialsAdapter },
      ],
      exports: [AuthService, AuthGuard, CredentialsService, STAFF_CREDENTIALS],
    };
  }
}
