import { CreateSecurityTables1763700100000 } from './lib/migrations/1763700100000-createSecurityTables';
import { AddSecuritySuite1763900200000 } from './lib/migrations/1763900200000-addSecuritySuite';

export { SecurityModule } from './lib/security.module';
export type { SecurityOptions } from './lib/security-options';
export { AuthService, type Authenticated } from './lib/auth.service';
export { AuthGuard, bearerToken } from './lib/auth.guard';
export { CredentialsService } from './lib/credentials.service';
export { SecuritySettingsService } from './lib/settings/security-settings.service';
export { SessionEvents, type SessionsEnded } from './lib/sessions/session-events';
export { MaskingInterceptor } from './lib/masking/masking.interceptor';
export { Clock } from './lib/clock';
export { Public } from './lib/public.decorator';
export { SecurityException } from './lib/security.exception';

/** This module's migrations, in order (after the staff module's, whose users they reference). */
export const securityMigrations = [CreateSecurityTables1763700100000, AddSecuritySuite1763900200000];
