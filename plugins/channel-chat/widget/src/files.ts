import type { ChatAttachmentSent, ChatResult, ChatVisitorIdentity, MessageAttachment } from '@switchboard/contracts';
import { el } from './dom';

/** What the file picker offers (the server judges the content anyway). */
export const FILE_ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.txt,.csv,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

/** A size as the visitor reads it. */
export const fileSize = (bytes: number): string =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;

type Failure = Extract<ChatResult<unknown>, { ok: false }>;
const lost: Failure = { ok: false, error: { code: 'OFFLINE', message: '' } };

/**
 * The visitor's files over HTTP (contracts: ChatAttachmentSent). Multipart forms, which the
 * host page may send to our server without a CORS preflight; the token goes in the form, never
 * in a URL. A download comes back as a blob and is saved under its name.
 */
export class Files {
  constructor(
    private readonly base: string,
    private readonly token: () => string | undefined,
    private readonly identity: ChatVisitorIdentity | undefined,
  ) {}

  send(file: File, clientId: string): Promise<ChatResult<ChatAttachmentSent>> {
    return this.post('', { clientId }, file, (response) => response.json() as Promise<ChatAttachmentSent>);
  }

  /** Fetches the file and hands it to the browser's downloads; `into` holds the link for the moment of the click. */
  async download(file: MessageAttachment, into: HTMLElement): Promise<ChatResult<null>> {
    const result = await this.post(`/${encodeURIComponent(file.id)}/download`, {}, null, (response) => response.blob());
    if (!result.ok) return result;
    const url = URL.createObjectURL(result.data);
    const link = el('a', { href: url, download: file.name, hidden: true });
    into.append(link);
    link.click();
    link.remove();
    // Revoked later: some browsers read the blob after the click has returned.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true, data: null };
  }

  private async post<T>(path: string, fields: Record<string, string>, file: File | null, read: (response: Response) => Promise<T>): Promise<ChatResult<T>> {
    const token = this.token();
    if (!token) return lost;
    const form = new FormData();
    form.append('visitorToken', token);
    if (this.identity?.signature) {
      form.append('identityId', this.identity.id);
      form.append('identitySignature', this.identity.signature);
    }
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file) form.append('file', file, file.name);
    try {
      const response = await fetch(`${this.base}/attachments${path}`, { method: 'POST', body: form, credentials: 'omit' });
      if (response.ok) return { ok: true, data: await read(response) };
      const error = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
      return { ok: false, error: { code: error.code ?? `HTTP_${response.status}`, message: error.message ?? '' } };
    } catch {
      return lost;
    }
  }
}
