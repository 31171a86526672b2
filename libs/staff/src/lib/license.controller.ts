import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type LicenseStatus } from '@switchboard/contracts';
import { RequirePermissions } from '@switchboard/permissions';
import { SeatsService } from './seats.service';

/** Licence seats in use (admins and supervisors; agents do not see licence matters). */
@ApiTags('license')
@ApiBearerAuth()
@Controller('license')
export class LicenseController {
  constructor(private readonly seats: SeatsService) {}

  @Get()
  @RequirePermissions(Permission.LicenseRead)
  status(): Promise<LicenseStatus> {
    return this.seats.status();
  }
}
