import { Injectable } from '@nestjs/common';
import type { CurrentUser, LoginResponse } from '@switchboard/contracts';
import { UsersService } from '@switchboard/staff';
import { CredentialsService } from './credentials.service';
import { SecurityException } from './security.exception';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly credentials: CredentialsService,
    private readonly tokens: TokenService,
  ) {}

  /**
   * Signs a user in by username or e-mail. Unknown user, wrong password and disabled account
   * all get the same error after the same work (one password verification).
   */
  async login(login: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findByLogin(login);
    const passwordOk = await this.credentials.verifyPassword(user?.id, password);
    if (!user || !passwordOk || user.disabled) throw SecurityException.invalidCredentials();
    return {
      accessToken: await this.tokens.issueAccessToken(user.id, user.role),
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTokenTtlSeconds,
    };
  }

  /** The user an access token stands for, if the token is valid and the user may still sign in. */
  async authenticate(accessToken: string): Promise<CurrentUser> {
    const claims = await this.tokens.verifyAccessToken(accessToken);
    const user = await this.users.findById(claims.sub);
    if (!user || user.disabled) throw SecurityException.unauthenticated('The account is no longer active');
    const { id, username, email, fullName, role, permissions, toastPosition } = user;
    return { id, username, email, fullName, role, permissions, toastPosition };
  }
}
