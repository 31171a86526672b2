import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditAction, neutraliseFormula, Permission, type AuditEntry, type Page } from '@switchboard/contracts';
import { RequirePermissions } from '@switchboard/permissions';
import { stringify } from 'csv-stringify/sync';
import { AuditQueryDto } from './audit-query.dto';
import { AuditService } from './audit.service';

const CSV_COLUMNS = ['at', 'actorName', 'actorId', 'ip', 'action', 'targetType', 'targetId', 'targetName', 'details'] as const;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@RequirePermissions(Permission.AuditRead)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }

  /** The filtered log as CSV (formula-safe); the export itself is audited. */
  @Get('export')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit.csv"')
  async export(@Query() query: AuditQueryDto): Promise<string> {
    const entries = await this.audit.all(query);
    await this.audit.record({ action: AuditAction.Exported, target: { type: 'audit', id: 'audit' }, details: { rows: entries.length } });
    const rows = entries.map((entry) =>
      CSV_COLUMNS.map((column) => {
        const value = column === 'details' ? (entry.details ? JSON.stringify(entry.details) : '') : (entry[column] ?? '');
        return neutraliseFormula(String(value));
      }),
    );
    return stringify([[...CSV_COLUMNS], ...rows]);
  }
}
