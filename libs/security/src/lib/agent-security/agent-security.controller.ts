import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type AgentSecurity, type SessionInfo } from '@switchboard/contracts';
import { RequirePermissions } from '@switchboard/permissions';
import { UnlockDto } from '../dto/auth.dto';
import { SessionsService } from '../sessions/sessions.service';
import { AgentSecurityService } from './agent-security.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The seed's "Security Suite" section of an agent: lock, MFA, sessions (administrators). */
@ApiTags('agents')
@ApiBearerAuth()
@Controller('agents/:id')
@RequirePermissions(Permission.SecurityManage)
export class AgentSecurityController {
  constructor(
    private readonly agentSecurity: AgentSecurityService,
    private readonly sessions: SessionsService,
  ) {}

  @Get('security')
  get(@Param('id', uuid) id: string): Promise<AgentSecurity> {
    return this.agentSecurity.state(id);
  }

  /** `{ locked: false }` unlocks the account. */
  @Patch('security')
  async unlock(@Param('id', uuid) id: string, @Body() _body: UnlockDto): Promise<AgentSecurity> {
    await this.agentSecurity.unlock(id);
    return this.agentSecurity.state(id);
  }

  @Post('mfa/disable')
  @HttpCode(204)
  async disableMfa(@Param('id', uuid) id: string): Promise<void> {
    await this.agentSecurity.disableMfa(id);
  }

  @Get('sessions')
  async list(@Param('id', uuid) id: string): Promise<SessionInfo[]> {
    await this.agentSecurity.user(id);
    return this.sessions.list(id);
  }

  @Delete('sessions')
  @HttpCode(204)
  async revokeAll(@Param('id', uuid) id: string): Promise<void> {
    await this.agentSecurity.endSessions(id);
  }
}
