import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { DownloadKind, invalidField, type CurrentUser, type InteractionMessage } from '@switchboard/contracts';
import { RequirePermissions, SignedInUser } from '@switchboard/permissions';
import { AttachmentUploadInterceptor, sendAttachment, type UploadedAttachment } from '@switchboard/plugin-sdk';
import type { Response } from 'express';
import { AttachmentUploadDto } from '../dto/attachment.dto';
import { DeskAttachments } from './desk-attachments';

const id = new ParseUUIDPipe({ version: '4' });

/** The agent's files in a conversation: send one (multipart, field `file`), download one. */
@ApiTags('interactions')
@ApiBearerAuth()
@Controller('interactions')
export class DeskAttachmentsController {
  constructor(private readonly attachments: DeskAttachments) {}

  /** Stores the file as the agent's message and sends it to the contact; 413 over ATTACHMENT_MAX_BYTES, 415 for a type not accepted. */
  @Post(':id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['clientId', 'file'], properties: { clientId: { type: 'string' }, file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(AttachmentUploadInterceptor)
  send(
    @SignedInUser() agent: CurrentUser,
    @Param('id', id) interactionId: string,
    @UploadedFile() file: UploadedAttachment | undefined,
    @Body() body: AttachmentUploadDto,
  ): Promise<InteractionMessage> {
    if (!file) throw invalidField('file', 'Attach the file as the multipart field "file"');
    return this.attachments.send(agent, interactionId, { clientId: body.clientId, fileName: file.originalname, data: file.buffer });
  }

  /** The file, for whoever may read the interaction's messages and download attachments. */
  @Get(':id/attachments/:attachmentId')
  @RequirePermissions(`download.${DownloadKind.Attachments}`)
  async download(@SignedInUser() viewer: CurrentUser, @Param('id', id) interactionId: string, @Param('attachmentId', id) attachmentId: string, @Res() response: Response): Promise<void> {
    sendAttachment(response, await this.attachments.open(viewer, interactionId, attachmentId));
  }
}
