import { Inject, Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, type LicenseStatus } from '@switchboard/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { STAFF_OPTIONS, type StaffOptions } from './ports';

/** Licence seats: active (live, not disabled) staff accounts, at most LICENSE_SEATS (0 = unlimited). */
@Injectable()
export class SeatsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(STAFF_OPTIONS) private readonly options: StaffOptions,
  ) {}

  private async used(manager: EntityManager): Promise<number> {
    const [row]: { n: number }[] = await manager.query('select count(*)::int as n from staff_users where deleted_at is null and not disabled');
    return row?.n ?? 0;
  }

  async status(): Promise<LicenseStatus> {
    const seats = this.options.licenseSeats;
    const used = await this.used(this.dataSource.manager);
    return { seats, used, available: seats ? Math.max(0, seats - used) : null, full: seats > 0 && used >= seats };
  }

  /** Seats still free inside the caller's transaction (Infinity when unlimited). */
  async free(manager: EntityManager): Promise<number> {
    if (!this.options.licenseSeats) return Infinity;
    return Math.max(0, this.options.licenseSeats - (await this.used(manager)));
  }

  /**
   * Inside the caller's transaction: takes the seats lock (held until commit, so two nodes cannot
   * both take the last seat) and refuses with 409 when `more` accounts would not fit.
   */
  async reserve(manager: EntityManager, more: number): Promise<void> {
    if (!this.options.licenseSeats || more <= 0) return;
    await manager.query(`select pg_advisory_xact_lock(hashtext('switchboard.staff.seats'))`);
    const free = await this.free(manager);
    if (more > free) {
      throw new DomainException(
        ErrorCode.Conflict,
        `All ${this.options.licenseSeats} licence seats are in use: disable or delete an account, or raise LICENSE_SEATS`,
        [{ field: 'disabled', messages: ['No licence seat left for another active account'] }],
      );
    }
  }
}
