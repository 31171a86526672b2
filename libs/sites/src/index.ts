import { CreateBlacklist1764000400000 } from './lib/migrations/1764000400000-createBlacklist';
import { CreateSites1764000400100 } from './lib/migrations/1764000400100-createSites';
import { CreateLayouts1764000400300 } from './lib/migrations/1764000400300-createLayouts';
import { SiteIdentitySecret1764000700000 } from './lib/migrations/1764000700000-siteIdentitySecret';

export { SitesModule } from './lib/sites.module';
export { BlacklistService } from './lib/blacklist/blacklist.service';
export { SitesService, type RoutingSite } from './lib/sites/sites.service';
export { isOpen } from './lib/sites/business-hours';
export { ChatAccounts } from './lib/sites/chat-accounts';
export type { SitesOptions } from './lib/sites-options';

/** This module's migrations. */
export const sitesMigrations = [CreateBlacklist1764000400000, CreateSites1764000400100, CreateLayouts1764000400300, SiteIdentitySecret1764000700000];
