import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '@switchboard/staff';
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
import { TokenService } from './token.service';

/** Sign-in, access tokens, credentials and the first administrator. */
@Module({})
export class SecurityModule {
  static forRoot(options: SecurityOptions): DynamicModule {
    return {
      module: SecurityModule,
      imports: [TypeOrmModule.forFeature([CredentialEntity, SigningKeyEntity]), JwtModule.register({}), StaffModule],
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
      ],
      exports: [AuthService, AuthGuard, CredentialsService],
    };
  }
}
