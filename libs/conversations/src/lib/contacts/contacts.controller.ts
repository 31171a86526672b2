import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type Contact, type Page } from '@switchboard/contracts';
import { PageQueryDto } from '@switchboard/db';
import { RequirePermissions } from '@switchboard/permissions';
import { SaveContactDto } from './contact.dto';
import { ContactsService } from './contacts.service';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @RequirePermissions(Permission.ContactsRead)
  list(@Query() query: PageQueryDto): Promise<Page<Contact>> {
    return this.contacts.list(query);
  }

  @Get(':id')
  @RequirePermissions(Permission.ContactsRead)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Contact> {
    return this.contacts.get(id);
  }

  @Post()
  @RequirePermissions(Permission.ContactsWrite)
  create(@Body() body: SaveContactDto): Promise<Contact> {
    return this.contacts.create(body);
  }

  @Patch(':id')
  @RequirePermissions(Permission.ContactsWrite)
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SaveContactDto): Promise<Contact> {
    return this.contacts.update(id, body);
  }
}
