import { CreateAuditLog1763900000000 } from './lib/migrations/1763900000000-createAuditLog';

export { AuditModule } from './lib/audit.module';
export { AuditService, type AuditRecord } from './lib/audit.service';
export { requestContext, setRequestActor, type RequestContext } from './lib/request-context';

/** This module's migrations (no references to other modules' tables). */
export const auditMigrations = [CreateAuditLog1763900000000];
