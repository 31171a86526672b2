import { CreateStaffUsers1763700000000 } from './lib/migrations/1763700000000-createStaffUsers';
import { AddAgentProfile1763800000000 } from './lib/migrations/1763800000000-addAgentProfile';
import { CreateTeams1763800100000 } from './lib/migrations/1763800100000-createTeams';
import { AddMaskSensitiveData1763900050000 } from './lib/migrations/1763900050000-addMaskSensitiveData';

export { StaffModule } from './lib/staff.module';
export { UsersService, staffUserFromJson, type StaffUser, type NewUser, type RoutingProfile } from './lib/users.service';
export { AgentEvents, type AgentsChangedListener } from './lib/agent-events';
export { AgentsService } from './lib/agents/agents.service';
export { SeatsService } from './lib/seats.service';
export { PrioritizedAgentDto } from './lib/prioritized-agent.dto';
export { STAFF_CREDENTIALS, USER_NOTIFIER, type StaffCredentials, type PasswordRules, type UserNotifier, type StaffOptions } from './lib/ports';

/** This module's migrations, in order. */
export const staffMigrations = [CreateStaffUsers1763700000000, AddAgentProfile1763800000000, CreateTeams1763800100000, AddMaskSensitiveData1763900050000];
