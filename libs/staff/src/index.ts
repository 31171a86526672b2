import { CreateStaffUsers1763700000000 } from './lib/migrations/1763700000000-createStaffUsers';
import { AddAgentProfile1763800000000 } from './lib/migrations/1763800000000-addAgentProfile';
import { CreateTeams1763800100000 } from './lib/migrations/1763800100000-createTeams';

export { StaffModule } from './lib/staff.module';
export { UsersService, type StaffUser, type NewUser } from './lib/users.service';
export { AgentsService } from './lib/agents/agents.service';
export { SeatsService } from './lib/seats.service';
export { STAFF_CREDENTIALS, USER_NOTIFIER, type StaffCredentials, type UserNotifier, type StaffOptions } from './lib/ports';
export { neutraliseFormula } from './lib/import-export/csv-cells';

/** This module's migrations, in order. */
export const staffMigrations = [CreateStaffUsers1763700000000, AddAgentProfile1763800000000, CreateTeams1763800100000];
