import { Body, Controller, Inject, Param, Post, Req, Res, UploadedFile, UseGuards, UseInterceptors, HttpCode } from '@nestjs/common';
import { NoFilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { DomainException, ErrorCode, invalidField, type ChatAttachmentSent } from '@switchboard/contracts';
import { AttachmentUploadInterceptor, CONTACT_ATTACHMENTS, PublicRoute, sendAttachment, type ContactAttachments, type ContactRef, type UploadedAttachment } from '@switchboard/plugin-sdk';
import type { Response } from 'express';
import { ChatChannel } from './chat-channel';
import { toChatMessage } from './chat-views';
import { contactOf, FileDownloadRequest, FileUploadRequest, readFields } from './visitor-file-requests';
import { VisitorLimits } from './visitor-limits';
import { visitorSiteOf, VisitorSiteGuard, type VisitorHttpRequest } from './visitor-site.guard';

const credentials = { visitorToken: { type: 'string' }, identityId: { type: 'string' }, identitySignature: { type: 'string' } };

/**
 * The visitor's files (contracts: ChatAttachmentSent): multipart requests from the widget, which
 * a page of another origin sends without a preflight. The file goes to the kernel, which judges
 * it and stores it as a message of the visitor's open conversation; the visitor's other tabs see
 * it, and the agent holding the conversation too. A download is of the visitor's own files only.
 */
@ApiTags('chat')
@Controller('chat/sites/:siteKey/attachments')
@UseGuards(VisitorSiteGuard)
export class VisitorFilesController {
  constructor(
    @Inject(CONTACT_ATTACHMENTS) private readonly files: ContactAttachments,
    private readonly channel: ChatChannel,
    private readonly limits: VisitorLimits,
  ) {}

  @PublicRoute()
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['visitorToken', 'clientId', 'file'], properties: { ...credentials, clientId: { type: 'string' }, file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(AttachmentUploadInterceptor)
  async upload(@Req() request: VisitorHttpRequest, @UploadedFile() file: UploadedAttachment | undefined, @Body() body: unknown): Promise<ChatAttachmentSent> {
    const { site, ip } = visitorSiteOf(request);
    const fields = readFields(FileUploadRequest, body);
    const contact = contactOf(site, fields);
    await this.limit(contact, ip);
    if (!file) throw invalidField('file', 'Attach the file as the multipart field "file"');
    const sent = await this.files.send(contact, { clientId: fields.clientId, fileName: file.originalname, data: file.buffer, remoteIp: ip });
    const message = toChatMessage(sent.message);
    // The visitor's other tabs show it too (a resend of a stored file adds nothing).
    if (!sent.duplicate) this.channel.shareVisitorMessage(site.id, contact.contactAddress, { interactionId: sent.interactionId, ...message });
    return { interactionId: sent.interactionId, message };
  }

  @PublicRoute()
  @Post(':id/download')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['visitorToken'], properties: credentials } })
  @UseInterceptors(NoFilesInterceptor({ limits: { fields: 8, fieldSize: 4096, parts: 8 } }))
  async download(@Req() request: VisitorHttpRequest, @Param('id') attachmentId: string, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const { site, ip } = visitorSiteOf(request);
    const contact = contactOf(site, readFields(FileDownloadRequest, body));
    await this.limit(contact, ip);
    const file = await this.files.open(contact, attachmentId);
    if (!file) throw new DomainException(ErrorCode.NotFound, 'Attachment not found');
    sendAttachment(response, file);
  }

  /** The visitor's own request limit, shared with their socket's. */
  private async limit(contact: ContactRef, ip: string): Promise<void> {
    if (!(await this.limits.request(contact.contactAddress, ip))) throw new DomainException(ErrorCode.TooManyRequests, 'Too many messages at once: wait a moment');
  }
}
