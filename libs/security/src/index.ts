import { CreateSecurityTables1763700100000 } from './lib/migrations/1763700100000-createSecurityTables';

export { SecurityModule } from './lib/security.module';
export type { SecurityOptions } from './lib/security-options';
export { AuthService } from './lib/auth.service';
export { AuthGuard, bearerToken } from './lib/auth.guard';
export { CredentialsService } from './lib/credentials.service';
export { Public } from './lib/public.decorator';
export { SecurityException } from './lib/security.exception';

/** This module's migrations, in order (after the staff module's, whose users they reference). */
export const securityMigrations = [CreateSecurityTables1763700100000];
