import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConsoleModule, DownloadKind, maskSensitive, type CurrentUser, type InteractionSummary, type Page, type Transcript } from '@switchboard/contracts';
import { RequirePermissions, SignedInUser } from '@switchboard/permissions';
import { SecuritySettingsService } from '@switchboard/security';
import { UsersService } from '@switchboard/staff';
import { HistoryQueryDto } from './history-query.dto';
import { HistoryService, transcriptText } from './history.service';

const id = new ParseUUIDPipe({ version: '4' });
/** The agent's History module switch, and for an export also the download switch (seed: Download Permissions). */
const HISTORY = `module.${ConsoleModule.History}` as const;
const DOWNLOAD = `download.${DownloadKind.Interactions}` as const;

@ApiTags('interactions')
@ApiBearerAuth()
@Controller('interactions')
@RequirePermissions(HISTORY)
export class HistoryController {
  constructor(
    private readonly history: HistoryService,
    private readonly users: UsersService,
    private readonly security: SecuritySettingsService,
  ) {}

  @Get()
  list(@SignedInUser() viewer: CurrentUser, @Query() query: HistoryQueryDto): Promise<Page<InteractionSummary>> {
    return this.history.list(viewer, query);
  }

  @Get(':id')
  transcript(@SignedInUser() viewer: CurrentUser, @Param('id', id) interactionId: string): Promise<Transcript> {
    return this.history.transcript(viewer, interactionId);
  }

  /** The transcript as a text file (masked as the viewer sees contacts). */
  @Get(':id/transcript.txt')
  @RequirePermissions(HISTORY, DOWNLOAD)
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async export(@SignedInUser() viewer: CurrentUser, @Param('id', id) interactionId: string): Promise<StreamableFile> {
    let transcript = await this.history.transcript(viewer, interactionId);
    if (viewer.maskSensitiveData) transcript = maskSensitive(transcript, (await this.security.get()).maskVisibleCharacters);
    const authors = [...new Set(transcript.messages.map((m) => m.authorId).filter((a): a is string => a !== null))];
    const names = new Map((await this.users.summaries(authors)).map((p) => [p.id, p.fullName]));
    return new StreamableFile(Buffer.from(transcriptText(transcript, names)), { disposition: `attachment; filename="interaction-${interactionId}.txt"` });
  }
}
