import { Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { attachmentTooLarge } from '@switchboard/contracts';
import type { Observable } from 'rxjs';
import { CONTACT_ATTACHMENTS, type AttachmentContent, type ContactAttachments } from './contact-attachments';

/** A file a multipart upload carried (the field `file`), read into memory. */
export interface UploadedAttachment {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/**
 * Reads a multipart upload's one file (field `file`) and a few short text fields into memory, no
 * more than the kernel's attachment limit: reading stops at the limit, and the request is refused
 * with 413 naming it. Use with `@UploadedFile()` and `@Body()` on routes that take attachments.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly reader: NestInterceptor;
  private readonly maxBytes: number;

  constructor(@Inject(CONTACT_ATTACHMENTS) attachments: ContactAttachments) {
    this.maxBytes = attachments.maxBytes;
    // Browsers send a file's name as UTF-8 (multer reads Latin-1 unless told).
    const Reader = FileInterceptor('file', { defParamCharset: 'utf8', limits: { fileSize: this.maxBytes, files: 1, fields: 8, fieldSize: 4096, parts: 9 } });
    this.reader = new Reader();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.reader.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw attachmentTooLarge(this.maxBytes);
      throw error;
    }
  }
}

/** What `sendAttachment` needs of an Express response. */
interface FileResponse {
  status(code: number): this;
  attachment(filename: string): this;
  set(headers: Record<string, string>): this;
  send(body: Buffer): this;
}

/**
 * Answers with a stored file as a download: its stored type (never sniffed by the browser), as
 * an attachment under its name, not cached by shared caches, and inert if opened directly.
 */
export function sendAttachment(response: FileResponse, file: AttachmentContent): void {
  response
    .status(200)
    .attachment(file.name)
    .set({
      'Content-Type': file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
      'Content-Length': String(file.data.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    })
    .send(file.data);
}
