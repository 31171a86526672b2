import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type ChatLayout, type LayoutPreview, type Page } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { RequirePermissions } from '@switchboard/permissions';
import { LayoutCloneDto, LayoutDto, LayoutPreviewDto } from '../dto/layout.dto';
import { LayoutsService } from './layouts.service';

const id = new ParseUUIDPipe({ version: '4' });

@ApiTags('layouts')
@ApiBearerAuth()
@Controller('layouts')
@RequirePermissions(Permission.SitesManage)
export class LayoutsController {
  constructor(private readonly layouts: LayoutsService) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<ChatLayout>> {
    return this.layouts.list(query);
  }

  /** Renders a template with sample values (nothing is stored). */
  @Post('preview')
  @HttpCode(200)
  preview(@Body() body: LayoutPreviewDto): LayoutPreview {
    return this.layouts.preview(body.template);
  }

  @Get(':id')
  get(@Param('id', id) layoutId: string): Promise<ChatLayout> {
    return this.layouts.get(layoutId);
  }

  /** Seed 003: a new layout is made by cloning an existing one. */
  @Post(':id/clone')
  clone(@Param('id', id) layoutId: string, @Body() body: LayoutCloneDto): Promise<ChatLayout> {
    return this.layouts.clone(layoutId, body.name);
  }

  @Patch(':id')
  update(@Param('id', id) layoutId: string, @Body() body: LayoutDto): Promise<ChatLayout> {
    return this.layouts.update(layoutId, body.name, body.template);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', id) layoutId: string): Promise<void> {
    return this.layouts.remove(layoutId);
  }
}
