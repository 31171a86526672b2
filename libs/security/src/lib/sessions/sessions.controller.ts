import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditAction, DomainException, ErrorCode, hasPermission, Permission, type CurrentUser, type SessionInfo } from '@switchboard/contracts';
import { AuditService } from '@switchboard/audit';
import { SignedInUser } from '@switchboard/permissions';
import { CurrentSession } from '../current-session.decorator';
import { SessionsService } from './sessions.service';

/** The signed-in user's devices; administrators may end anyone's session by its id. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  list(@SignedInUser() user: CurrentUser, @CurrentSession() sessionId: string): Promise<SessionInfo[]> {
    return this.sessions.list(user.id, sessionId);
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@SignedInUser() user: CurrentUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const owner = await this.sessions.ownerOf(id);
    if (!owner || (owner !== user.id && !hasPermission(user, Permission.SecurityManage))) {
      throw new DomainException(ErrorCode.NotFound, 'Session not found');
    }
    await this.sessions.revoke([id], owner === user.id ? 'Signed out from another device' : 'An administrator ended this session');
    await this.audit.record({ action: AuditAction.SessionsRevoked, target: { type: 'session', id }, details: { userId: owner } });
  }
}
