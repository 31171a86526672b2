import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueuesModule, STAFF_DIRECTORY } from '@switchboard/queues';
import { AgentEvents } from './agent-events';
import { AgentsController } from './agents/agents.controller';
import { AgentsService } from './agents/agents.service';
import { AvatarService } from './avatars/avatar.service';
import { AvatarEntity } from './entities/avatar.entity';
import { TeamEntity, TeamMemberEntity } from './entities/team.entity';
import { UserEntity } from './entities/user.entity';
import { AgentsImportService } from './import-export/agents-import.service';
import { LicenseController } from './license.controller';
import { STAFF_OPTIONS, type StaffOptions } from './ports';
import { SeatsService } from './seats.service';
import { TeamsController } from './teams/teams.controller';
import { TeamsService } from './teams/teams.service';
import { UsersService } from './users.service';

/**
 * Agents, teams, CSV import and export, avatars and licence seats. Global, because the modules
 * below it (queues) and above it (security) look users up through it. Needs STAFF_CREDENTIALS
 * from the security module, and USER_NOTIFIER (optional) from the kernel.
 */
@Global()
@Module({})
export class StaffModule {
  static forRoot(options: StaffOptions): DynamicModule {
    return {
      module: StaffModule,
      imports: [TypeOrmModule.forFeature([UserEntity, AvatarEntity, TeamEntity, TeamMemberEntity]), QueuesModule],
      controllers: [AgentsController, TeamsController, LicenseController],
      providers: [
        { provide: STAFF_OPTIONS, useValue: options },
        UsersService,
        AgentEvents,
        { provide: STAFF_DIRECTORY, useExisting: UsersService },
        SeatsService,
        AgentsService,
        AgentsImportService,
        AvatarService,
        TeamsService,
      ],
      exports: [UsersService, STAFF_DIRECTORY, AgentsService, SeatsService, AgentEvents],
    };
  }
}
