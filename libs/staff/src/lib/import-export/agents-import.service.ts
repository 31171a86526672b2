import { AuditService } from '@switchboard/audit';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  AGENT_CSV_COLUMNS,
  AuditAction,
  fieldErrors,
  Role,
  type AgentCsvColumn,
  type CurrentUser,
  type ImportProgress,
  type ImportReport,
  type ImportRowError,
} from '@switchboard/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { agentColumns, refusedFields } from '../agents/agent-input';
import { AgentsService, type PreparedAgent } from '../agents/agents.service';
import { CreateAgentDto } from '../dto/agent.dto';
import { STAFF_CREDENTIALS, USER_NOTIFIER, type PasswordRules, type StaffCredentials, type UserNotifier } from '../ports';
import { SeatsService } from '../seats.service';
import { invalid } from '../staff-errors';
import { columnOfField, REQUIRED_COLUMNS, rowToRequest } from './agent-csv';

export const MAX_IMPORT_ROWS = 10_000;
const HASH_CONCURRENCY = 4;

export interface ImportOptions {
  dryRun: boolean;
  atomic: boolean;
  importId?: string;
  queueIds: string[];
}

interface CheckedRow {
  row: number;
  dto: CreateAgentDto;
}

/**
 * CSV import of agents: every row is checked as a create request (same rules, same refusals),
 * plus duplicates inside the file and against the database, and licence seats. Valid rows are
 * created in one transaction; with `atomic`, none when any row is bad.
 */
@Injectable()
export class AgentsImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly seats: SeatsService,
    @Inject(STAFF_CREDENTIALS) private readonly credentials: StaffCredentials,
    private readonly audit: AuditService,
    @Optional() @Inject(USER_NOTIFIER) private readonly notifier?: UserNotifier,
  ) {}

  async import(actor: CurrentUser, file: Buffer, options: ImportOptions): Promise<ImportReport> {
    if (actor.role !== Role.Admin && !options.queueIds.length) {
      throw invalid('queueIds', 'A supervisor must place imported agents in at least one of their queues');
    }
    const [header, ...records] = this.parse(file);
    const columns = this.checkHeader(header ?? []);
    const passwordProblem = await this.credentials.passwordRules();
    if (records.length > MAX_IMPORT_ROWS) throw invalid('file', `At most ${MAX_IMPORT_ROWS} rows per file; this one has ${records.length}`);
    const progress = this.progress(actor, options.importId, records.length);

    progress('validating', 0);
    const errors: ImportRowError[] = [];
    const checked: CheckedRow[] = [];
    records.forEach((cells, i) => {
      const row = i + 2;
      const rowErrors = this.checkRow(actor, row, columns, cells, passwordProblem);
      if (rowErrors.errors.length) errors.push(...rowErrors.errors);
      else checked.push({ row, dto: rowErrors.dto });
    });
    const clean = await this.dropDuplicates(checked, errors);
    const valid = await this.withinSeats(clean, errors);
    errors.sort((a, b) => a.row - b.row);

    const report: ImportReport = {
      created: 0,
      valid: valid.length,
      rows: records.length,
      dryRun: options.dryRun,
      atomic: options.atomic,
      errors,
      generatedPasswords: [],
    };
    if (options.dryRun || (options.atomic && errors.length) || !valid.length) {
      progress('done', records.length);
      return report;
    }

    const prepared: PreparedAgent[] = new Array(valid.length);
    let hashed = 0;
    const work = valid.map((entry, i) => async () => {
      const generated = entry.dto.password === undefined ? this.credentials.generatePassword() : undefined;
      if (generated) report.generatedPasswords.push({ row: entry.row, username: entry.dto.username, password: generated });
      const passwordHash = await this.credentials.hashPassword(entry.dto.password ?? (generated as string));
      prepared[i] = { columns: { role: Role.Agent, ...agentColumns(entry.dto) }, passwordHash };
      if (++hashed % 25 === 0) progress('hashing', hashed);
    });
    await runLimited(work, HASH_CONCURRENCY);
    progress('saving', valid.length);
    const ids = await this.agents.saveNew(actor, prepared, options.queueIds);
    report.created = valid.length;
    await this.audit.record({ action: AuditAction.AgentsImported, target: { type: 'agents', id: 'import' }, details: { created: ids.length, rows: records.length } });
    report.generatedPasswords.sort((a, b) => a.row - b.row);
    progress('done', records.length);
    return report;
  }

  private parse(file: Buffer): string[][] {
    try {
      return parse(file, { bom: true, skip_empty_lines: true, relax_column_count: true, max_record_size: 64 * 1024 });
    } catch (error) {
      if (error instanceof CsvError) throw invalid('file', `The file is not valid CSV: ${error.message}`);
      throw error;
    }
  }

  private checkHeader(header: readonly string[]): AgentCsvColumn[] {
    if (!header.length) throw invalid('file', 'The file is empty: the first row must name the columns');
    const names = header.map((h) => h.trim());
    const known = new Set<string>(AGENT_CSV_COLUMNS);
    const unknown = names.filter((n) => !known.has(n));
    if (unknown.length) {
      throw invalid(unknown[0] as string, `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the columns are ${AGENT_CSV_COLUMNS.join(', ')}`);
    }
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated) throw invalid(repeated, `The column ${repeated} appears twice`);
    const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
    if (missing.length) throw invalid(missing[0] as string, `Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    return names as AgentCsvColumn[];
  }

  private checkRow(actor: CurrentUser, row: number, columns: readonly AgentCsvColumn[], cells: readonly string[], passwordProblem: PasswordRules) {
    const dto = plainToInstance(CreateAgentDto, rowToRequest(columns, cells));
    const errors: ImportRowError[] = fieldErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })).map((e) => ({
      row,
      field: columnOfField(e.field),
      message: e.messages.join('; '),
    }));
    for (const refused of refusedFields(actor, dto)) errors.push({ row, field: refused.field, message: refused.messages.join('; ') });
    if (dto.password !== undefined && !errors.some((e) => e.field === 'password')) {
      const problem = passwordProblem(dto.password, dto);
      if (problem) errors.push({ row, field: 'password', message: problem });
    }
    return { dto, errors };
  }

  /** Reports (and drops) rows whose username, e-mail or extension repeats an earlier row or a live agent. */
  private async dropDuplicates(rows: CheckedRow[], errors: ImportRowError[]): Promise<CheckedRow[]> {
    const keys = {
      username: (r: CheckedRow) => r.dto.username.toLowerCase(),
      email: (r: CheckedRow) => r.dto.email.toLowerCase(),
      extension: (r: CheckedRow) => r.dto.extension,
    } as const;
    const taken = await this.takenInDatabase(rows);
    const bad = new Set<CheckedRow>();
    for (const field of ['username', 'email', 'extension'] as const) {
      const firstRow = new Map<string, number>();
      for (const r of rows) {
        const key = keys[field](r);
        if (key === undefined) continue;
        const earlier = firstRow.get(key);
        if (earlier !== undefined) {
          errors.push({ row: r.row, field, message: `Duplicate ${field}: the same as row ${earlier}` });
          bad.add(r);
        } else {
          firstRow.set(key, r.row);
          if (taken[field].has(key)) {
            errors.push({ row: r.row, field, message: `This ${field} is already used by another agent` });
            bad.add(r);
          }
        }
      }
    }
    return rows.filter((r) => !bad.has(r));
  }

  private async takenInDatabase(rows: CheckedRow[]) {
    const found: { username: string; email: string; extension: string }[] = rows.length
      ? await this.dataSource.query(
          `select lower(username) as username, lower(email) as email, extension from staff_users
            where deleted_at is null and (lower(username) = any($1) or lower(email) = any($2) or extension = any($3))`,
          [rows.map((r) => r.dto.username.toLowerCase()), rows.map((r) => r.dto.email.toLowerCase()), rows.flatMap((r) => r.dto.extension ?? [])],
        )
      : [];
    return {
      username: new Set(found.map((f) => f.username)),
      email: new Set(found.map((f) => f.email)),
      extension: new Set(found.map((f) => f.extension)),
    };
  }

  /** Active rows past the free licence seats are reported; disabled rows need no seat. */
  private async withinSeats(rows: CheckedRow[], errors: ImportRowError[]): Promise<CheckedRow[]> {
    let free = await this.seats.free(this.dataSource.manager);
    return rows.filter((r) => {
      if (r.dto.disabled) return true;
      if (free > 0) {
        free--;
        return true;
      }
      errors.push({ row: r.row, field: 'disabled', message: 'No licence seat left: import this agent as disabled, or free a seat' });
      return false;
    });
  }

  private progress(actor: CurrentUser, importId: string | undefined, total: number) {
    return (phase: ImportProgress['phase'], processed: number) => {
      if (importId) this.notifier?.notifyUser(actor.id, 'staff.import.progress', { importId, phase, processed, total });
    };
  }
}

/** Runs async tasks with at most `limit` at a time (argon2 works in libuv's thread pool). */
async function runLimited(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<void>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
