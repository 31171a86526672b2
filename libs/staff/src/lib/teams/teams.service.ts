import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainException, ErrorCode, type CurrentUser, type Page, type StaffSummary, type Team } from '@switchboard/contracts';
import { containsPattern, direction, isUniqueViolation, pageOf } from '@switchboard/db';
import type { Repository } from 'typeorm';
import { AgentsService } from '../agents/agents.service';
import { TeamEntity, TeamMemberEntity } from '../entities/team.entity';
import { UsersService } from '../users.service';
import type { CreateTeamDto, TeamListQueryDto, UpdateTeamDto } from './team.dto';

type TeamRow = { id: string; name: string; description: string | null; createdAt: Date; memberCount: string };

const toTeam = (row: TeamRow): Team => ({
  id: row.id,
  name: row.name,
  description: row.description,
  memberCount: Number(row.memberCount),
  createdAt: new Date(row.createdAt).toISOString(),
});

const SORT_EXPRESSION: Record<TeamListQueryDto['sort'], string> = { name: 'lower(t.name)', memberCount: '"memberCount"', createdAt: 't.created_at' };

const teamNotFound = () => new DomainException(ErrorCode.NotFound, 'Team not found');
const nameTaken = () => new DomainException(ErrorCode.Conflict, 'A team with this name exists', [{ field: 'name', messages: ['Already used by another team'] }]);

/** Teams: named groups of agents (seed: "Add Agent to Team"). */
@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>,
    @InjectRepository(TeamMemberEntity) private readonly members: Repository<TeamMemberEntity>,
    private readonly users: UsersService,
    private readonly agents: AgentsService,
  ) {}

  private rows() {
    return this.teams
      .createQueryBuilder('t')
      .select(['t.id as id', 't.name as name', 't.description as description', 't.created_at as "createdAt"'])
      .addSelect(
        '(select count(*) from staff_team_members m join staff_users u on u.id = m.user_id where m.team_id = t.id and u.deleted_at is null)',
        'memberCount',
      );
  }

  async list(query: TeamListQueryDto): Promise<Page<Team>> {
    const builder = this.rows();
    if (query.q) builder.where('(t.name ilike :q or t.description ilike :q)', { q: containsPattern(query.q) });
    const total = await builder.getCount();
    const rows = await builder.orderBy(SORT_EXPRESSION[query.sort], direction(query)).addOrderBy('t.id', direction(query)).offset((query.page - 1) * query.pageSize).limit(query.pageSize).getRawMany<TeamRow>();
    return pageOf(rows.map(toTeam), total, query);
  }

  async get(id: string): Promise<Team> {
    const row = await this.rows().where('t.id = :id', { id }).getRawOne<TeamRow>();
    if (!row) throw teamNotFound();
    return toTeam(row);
  }

  async create(dto: CreateTeamDto): Promise<Team> {
    const saved = await this.unique(() => this.teams.save(this.teams.create({ name: dto.name, description: dto.description ?? null })));
    return this.get(saved.id);
  }

  async update(id: string, dto: UpdateTeamDto): Promise<Team> {
    await this.get(id);
    await this.unique(() => this.teams.update({ id }, { ...dto }));
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.teams.delete({ id })).affected) throw teamNotFound();
  }

  async listMembers(id: string): Promise<StaffSummary[]> {
    await this.get(id);
    const rows = await this.members.findBy({ teamId: id });
    return (await this.users.summaries(rows.map((r) => r.userId))).sort((a, b) => a.fullName.localeCompare(b.fullName));
  }

  async addMember(actor: CurrentUser, id: string, agentId: string): Promise<StaffSummary> {
    await this.get(id);
    const agent = await this.agents.manageable(actor, agentId);
    try {
      await this.members.insert({ teamId: id, userId: agentId });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainException(ErrorCode.Conflict, 'Already a member of this team', [{ field: 'agentId', messages: ['Already a member'] }]);
    }
    const { username, fullName, role, disabled } = agent;
    return { id: agentId, username, fullName, role, disabled };
  }

  async removeMember(id: string, agentId: string): Promise<void> {
    if (!(await this.members.delete({ teamId: id, userId: agentId })).affected) {
      throw new DomainException(ErrorCode.NotFound, 'Not a member of this team');
    }
  }

  /** The teams of one agent. */
  async teamsOf(agentId: string): Promise<Team[]> {
    const rows = await this.rows()
      .where('exists (select 1 from staff_team_members x where x.team_id = t.id and x.user_id = :agentId)', { agentId })
      .orderBy('lower(t.name)')
      .getRawMany<TeamRow>();
    return rows.map(toTeam);
  }

  private async unique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  }
}
