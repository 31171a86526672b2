import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type Page, type Site, type SiteEmbed, type SiteIdentitySecret } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { RequirePermissions } from '@switchboard/permissions';
import { SiteDto } from '../dto/site.dto';
import { SitesService } from './sites.service';

const id = new ParseUUIDPipe({ version: '4' });

@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites')
@RequirePermissions(Permission.SitesManage)
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<Site>> {
    return this.sites.list(query);
  }

  @Post()
  create(@Body() body: SiteDto): Promise<Site> {
    return this.sites.create(body);
  }

  @Get(':id')
  get(@Param('id', id) siteId: string): Promise<Site> {
    return this.sites.get(siteId);
  }

  @Patch(':id')
  update(@Param('id', id) siteId: string, @Body() body: SiteDto): Promise<Site> {
    return this.sites.update(siteId, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', id) siteId: string): Promise<void> {
    return this.sites.remove(siteId);
  }

  /** A new site key; snippets with the old one stop opening chats. */
  @Post(':id/key')
  @HttpCode(200)
  renewKey(@Param('id', id) siteId: string): Promise<Site> {
    return this.sites.renewKey(siteId);
  }

  /** A new identity secret, answered this once; identities signed with the old one are refused. */
  @Post(':id/identity-secret')
  @HttpCode(200)
  renewIdentitySecret(@Param('id', id) siteId: string): Promise<SiteIdentitySecret> {
    return this.sites.renewIdentitySecret(siteId);
  }

  @Get(':id/embed')
  embed(@Param('id', id) siteId: string): Promise<SiteEmbed> {
    return this.sites.embed(siteId);
  }
}
