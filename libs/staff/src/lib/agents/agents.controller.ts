import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  AuditAction,
  DomainException,
  ErrorCode,
  Permission,
  type Agent,
  type CreatedAgent,
  type CurrentUser,
  type ImportReport,
  type Page,
  type SetPasswordResponse,
  type Team,
} from '@switchboard/contracts';
import { AuditService } from '@switchboard/audit';
import { RequirePermissions, SignedInUser } from '@switchboard/permissions';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { AVATAR_MAX_BYTES, AvatarService } from '../avatars/avatar.service';
import { AgentListQueryDto, BulkDeleteDto, CreateAgentDto, ExportQueryDto, SetPasswordDto, UpdateAgentDto } from '../dto/agent.dto';
import { ImportOptionsDto } from '../dto/import-options.dto';
import { agentToRow, EXPORT_COLUMNS } from '../import-export/agent-csv';
import { AgentsImportService } from '../import-export/agents-import.service';
import { invalid } from '../staff-errors';
import { TeamsService } from '../teams/teams.service';
import { AgentsService } from './agents.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

@ApiTags('agents')
@ApiBearerAuth()
@Controller('agents')
export class AgentsController {
  constructor(
    private readonly agents: AgentsService,
    private readonly importer: AgentsImportService,
    private readonly avatars: AvatarService,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @RequirePermissions(Permission.AgentsRead)
  list(@SignedInUser() actor: CurrentUser, @Query() query: AgentListQueryDto): Promise<Page<Agent>> {
    return this.agents.list(actor, query);
  }

  @Post()
  @RequirePermissions(Permission.AgentsCreate)
  create(@SignedInUser() actor: CurrentUser, @Body() body: CreateAgentDto): Promise<CreatedAgent> {
    return this.agents.create(actor, body);
  }

  /** CSV of the chosen (or all visible) agents: never a password; formula-safe cells. */
  @Get('export')
  @RequirePermissions(Permission.AgentsExport)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="agents.csv"')
  async export(@SignedInUser() actor: CurrentUser, @Query() query: ExportQueryDto): Promise<string> {
    const agents = await this.agents.visible(actor, query.ids);
    await this.audit.record({ action: AuditAction.Exported, target: { type: 'agents', id: 'agents' }, details: { rows: agents.length } });
    return stringify([[...EXPORT_COLUMNS], ...agents.map(agentToRow)]);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermissions(Permission.AgentsImport)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } }))
  import(
    @SignedInUser() actor: CurrentUser,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Body() options: ImportOptionsDto,
  ): Promise<ImportReport> {
    if (!file) throw invalid('file', 'Attach the CSV file as the multipart field "file"');
    return this.importer.import(actor, file.buffer, options);
  }

  @Post('bulk-delete')
  @HttpCode(200)
  @RequirePermissions(Permission.AgentsDelete)
  async bulkDelete(@SignedInUser() actor: CurrentUser, @Body() body: BulkDeleteDto): Promise<{ deleted: number }> {
    return { deleted: await this.agents.remove(actor, body.ids) };
  }

  /** Agents may read themselves; the rest is scoped by the service. */
  @Get(':id')
  get(@SignedInUser() actor: CurrentUser, @Param('id', uuid) id: string): Promise<Agent> {
    return this.agents.get(actor, id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.AgentsUpdate)
  update(@SignedInUser() actor: CurrentUser, @Param('id', uuid) id: string, @Body() body: UpdateAgentDto): Promise<Agent> {
    return this.agents.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.AgentsDelete)
  async remove(@SignedInUser() actor: CurrentUser, @Param('id', uuid) id: string): Promise<void> {
    await this.agents.remove(actor, [id]);
  }

  @Put(':id/password')
  @RequirePermissions(Permission.AgentsUpdate)
  setPassword(@SignedInUser() actor: CurrentUser, @Param('id', uuid) id: string, @Body() body: SetPasswordDto): Promise<SetPasswordResponse> {
    return this.agents.setPassword(actor, id, body.password);
  }

  @Post(':id/avatar')
  @HttpCode(200)
  @RequirePermissions(Permission.AgentsUpdate)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: AVATAR_MAX_BYTES, files: 1, fields: 0 } }))
  async uploadAvatar(
    @SignedInUser() actor: CurrentUser,
    @Param('id', uuid) id: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<Agent> {
    await this.agents.manageable(actor, id);
    if (!file) throw invalid('file', 'Attach the image as the multipart field "file"');
    await this.avatars.store(id, file.buffer);
    return this.agents.get(actor, id);
  }

  /** The avatar with its own content type; `nosniff` so a browser never reads it as anything else. */
  @Get(':id/avatar')
  async avatar(@SignedInUser() actor: CurrentUser, @Param('id', uuid) id: string, @Res() response: Response): Promise<void> {
    await this.agents.readable(actor, id);
    const avatar = await this.avatars.load(id);
    if (!avatar) throw new DomainException(ErrorCode.NotFound, 'This agent has no avatar');
    response
      .status(200)
      .set({
        'Content-Type': avatar.contentType,
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': 'inline',
        'Cache-Control': 'private, no-cache',
        'Content-Security-Policy': "default-src 'none'",
      })
      .send(avatar.data);
  }

  @Delete(':id/avatar')
  @HttpCode(204)
  @RequirePermissions(Permission.AgentsUpdate)
  async removeAvatar(@SignedInUser() actor: CurrentUser, @Param('id', uuid) id: string): Promise<void> {
    await this.agents.manageable(actor, id);
    await this.avatars.remove(id);
  }

  @Get(':id/teams')
  async teamsOf(@SignedInUser() actor: CurrentUser, @Param('id', uuid) id: string): Promise<Team[]> {
    await this.agents.readable(actor, id);
    return this.teams.teamsOf(id);
  }
}
