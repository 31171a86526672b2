import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type SecuritySettings } from '@switchboard/contracts';
import { RequirePermissions } from '@switchboard/permissions';
import { UpdateSecuritySettingsDto } from './security-settings.dto';
import { SecuritySettingsService } from './security-settings.service';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/security')
@RequirePermissions(Permission.SecurityManage)
export class SecuritySettingsController {
  constructor(private readonly settings: SecuritySettingsService) {}

  @Get()
  get(): Promise<SecuritySettings> {
    return this.settings.get();
  }

  @Put()
  update(@Body() body: UpdateSecuritySettingsDto): Promise<SecuritySettings> {
    return this.settings.update(body);
  }
}
