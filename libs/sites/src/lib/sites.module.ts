import { Module, type DynamicModule } from '@nestjs/common';
import { BlacklistController } from './blacklist/blacklist.controller';
import { BlacklistService } from './blacklist/blacklist.service';
import { LayoutsController } from './layouts/layouts.controller';
import { LayoutsService } from './layouts/layouts.service';
import { SITES_OPTIONS, type SitesOptions } from './sites-options';
import { ChatAccounts } from './sites/chat-accounts';
import { SitesController } from './sites/sites.controller';
import { SitesService } from './sites/sites.service';
import { TestPageController } from './sites/test-page.controller';

/** Websites with the chat box (their agents, form, hours and embed), chat layouts and the chat blacklist. */
@Module({})
export class SitesModule {
  static forRoot(options: SitesOptions): DynamicModule {
    return {
      module: SitesModule,
      global: true,
      controllers: [SitesController, TestPageController, BlacklistController, LayoutsController],
      providers: [{ provide: SITES_OPTIONS, useValue: options }, SitesService, BlacklistService, LayoutsService, ChatAccounts],
      exports: [SitesService, BlacklistService, ChatAccounts],
    };
  }
}
