import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainException, ErrorCode } from '@switchboard/contracts';
import { Public } from '@switchboard/security';
import { SITES_OPTIONS, type SitesOptions } from '../sites-options';
import { SitesService } from './sites.service';
import { widgetPageHtml } from './widget-page';

/**
 * Seed 002's "Tester mon module": a public page that embeds the chat box of one site exactly as
 * its snippet does, so an admin can try the site's set-up before pasting the snippet.
 */
@ApiExcludeController()
@Controller('sites/by-key')
export class TestPageController {
  constructor(
    private readonly sites: SitesService,
    @Inject(SITES_OPTIONS) private readonly options: SitesOptions,
  ) {}

  @Public()
  @Get(':siteKey/test')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async page(@Param('siteKey') siteKey: string): Promise<string> {
    const site = await this.sites.byKey(siteKey);
    if (!site) throw new DomainException(ErrorCode.NotFound, 'No enabled site has this key');
    return widgetPageHtml(this.options.publicUrl, site.siteKey, {
      title: `Test my module · ${site.name}`,
      heading: site.name,
      text: `This page carries the chat box of ${site.name} (${site.url}) exactly as the snippet puts it on your pages.`,
    });
  }
}
