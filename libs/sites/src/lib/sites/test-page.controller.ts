import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainException, ErrorCode } from '@switchboard/contracts';
import { Public } from '@switchboard/security';
import { SITES_OPTIONS, type SitesOptions } from '../sites-options';
import { embedOf, SitesService } from './sites.service';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

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
    const name = escapeHtml(site.name);
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test my module · ${name}</title></head>
<body>
<h1>${name}</h1>
<p>This page carries the chat box of <strong>${name}</strong> (${escapeHtml(site.url)}) exactly as the snippet puts it on your pages.</p>
${embedOf(this.options.publicUrl, site.siteKey).snippet}
</body>
</html>
`;
  }
}
