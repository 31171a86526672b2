import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type BlacklistEntry, type Page } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { RequirePermissions } from '@switchboard/permissions';
import { BlacklistEntryDto } from '../dto/blacklist.dto';
import { BlacklistService } from './blacklist.service';

const id = new ParseUUIDPipe({ version: '4' });

@ApiTags('blacklist')
@ApiBearerAuth()
@Controller('blacklist')
@RequirePermissions(Permission.BlacklistManage)
export class BlacklistController {
  constructor(private readonly blacklist: BlacklistService) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<BlacklistEntry>> {
    return this.blacklist.list(query);
  }

  @Post()
  create(@Body() body: BlacklistEntryDto): Promise<BlacklistEntry> {
    return this.blacklist.create(body);
  }

  @Get(':id')
  get(@Param('id', id) entryId: string): Promise<BlacklistEntry> {
    return this.blacklist.get(entryId);
  }

  @Patch(':id')
  update(@Param('id', id) entryId: string, @Body() body: BlacklistEntryDto): Promise<BlacklistEntry> {
    return this.blacklist.update(entryId, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', id) entryId: string): Promise<void> {
    return this.blacklist.remove(entryId);
  }
}
