import { CreateStaffUsers1763700000000 } from './lib/migrations/1763700000000-createStaffUsers';

export { StaffModule } from './lib/staff.module';
export { UsersService, type StaffUser, type NewUser } from './lib/users.service';

/** This module's migrations, in order. */
export const staffMigrations = [CreateStaffUsers1763700000000];
