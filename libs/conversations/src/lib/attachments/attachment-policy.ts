import { Inject, Injectable } from '@nestjs/common';
import { ATTACHMENT_NAME_MAX, ATTACHMENT_TYPES, attachmentTooLarge, attachmentTypeRefused, invalidField } from '@switchboard/contracts';
import { filetypeinfo } from 'magic-bytes.js';
import { ATTACHMENT_OPTIONS, type AttachmentOptions } from './attachment-options';

/** A file the policy accepted: its type found in its content, its name cleaned and agreeing with the type. */
export interface AcceptedFile {
  name: string;
  mediaType: string;
  size: number;
  data: Buffer;
}

/** Types whose signature alone tells them (the first bytes). */
const BY_SIGNATURE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);
const OOXML: Array<[prefix: string, mediaType: string]> = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];
const ODF = new Set(['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.presentation']);
/** The stream that makes a compound file (OLE2) a Word, Excel or PowerPoint file, as its directory names it (UTF-16LE). */
const CFB_STREAMS: Array<[stream: Buffer, mediaType: string]> = [
  [Buffer.from('WordDocument', 'utf16le'), 'application/msword'],
  [Buffer.from('Workbook', 'utf16le'), 'application/vnd.ms-excel'],
  [Buffer.from('PowerPoint Document', 'utf16le'), 'application/vnd.ms-powerpoint'],
];
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** How much of the head the signature library reads. */
const HEAD = 4096;

/** What a refused file is, for the message: its type's name as the signature library knows it. */
const named = (typename: string | undefined) => (typename ? `A file of type ${typename.toUpperCase()}` : 'A file of this kind');

/**
 * Which files a conversation accepts (ARCHITECTURE.md: validation at the kernel). The type comes
 * from the content alone — the first bytes (magic-bytes.js), and for the containers that many
 * formats share, their directory: a ZIP must be an Office Open XML or OpenDocument file (without
 * macros), an OLE2 compound file a Word, Excel or PowerPoint one. Text must be UTF-8 without
 * control characters and must not start as markup (HTML, XML, SVG). Everything else, and anything
 * over ATTACHMENT_MAX_BYTES, is refused with a DomainException naming the problem.
 */
@Injectable()
export class AttachmentPolicy {
  constructor(@Inject(ATTACHMENT_OPTIONS) private readonly options: AttachmentOptions) {}

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  accept(fileName: string, data: Buffer): AcceptedFile {
    if (data.length > this.options.maxBytes) throw attachmentTooLarge(this.options.maxBytes);
    if (data.length === 0) throw invalidField('file', 'The file is empty');
    const mediaType = mediaTypeOf(data);
    return { name: cleanName(fileName, mediaType), mediaType, size: data.length, data };
  }
}

/** The accepted type of this content; throws the 415 naming what it is otherwise. */
export function mediaTypeOf(data: Buffer): string {
  const guesses = filetypeinfo(data.subarray(0, HEAD));
  const direct = guesses.find((guess) => guess.mime && BY_SIGNATURE.has(guess.mime));
  if (direct?.mime) return direct.mime;
  if (guesses.some((guess) => guess.typename === 'zip')) return zipType(data);
  if (data.subarray(0, CFB_SIGNATURE.length).equals(CFB_SIGNATURE)) return compoundType(data);
  if (isPlainText(data)) {
    if (startsAsMarkup(data)) throw attachmentTypeRefused('HTML, XML or SVG');
    return 'text/plain';
  }
  throw attachmentTypeRefused(named(guesses[0]?.typename));
}

/** UTF-8 (a byte-order mark allowed) with no control characters but tab, line feed, form feed and carriage return. */
function isPlainText(data: Buffer): boolean {
  for (const byte of data) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** Starts (after a byte-order mark and white space) with a tag, a declaration or a comment: what a browser would sniff as markup. */
function startsAsMarkup(data: Buffer): boolean {
  const head = data.subarray(data.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0, 1024).toString('utf8').trimStart();
  return /^<[a-z!?/]/i.test(head);
}

/** The entries' names of a ZIP's central directory, with where each one's local header is; null when it is not a readable ZIP. */
function zipEntries(data: Buffer): Array<{ name: string; offset: number }> | null {
  // The end-of-central-directory record: 22 bytes, plus a comment of up to 65535.
  const floor = Math.max(0, data.length - 22 - 0xffff);
  let end = -1;
  for (let at = data.length - 22; at >= floor; at--) {
    if (data.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const entries: Array<{ name: string; offset: number }> = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    if (at + 46 + nameLength > data.length) return null;
    entries.push({ name: data.toString('utf8', at + 46, at + 46 + nameLength), offset: data.readUInt32LE(at + 42) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The OpenDocument type a ZIP's first entry `mimetype` (stored, not compressed) names, or null. */
function openDocumentType(data: Buffer, entry: { name: string; offset: number }): string | null {
  const at = entry.offset;
  if (entry.name !== 'mimetype' || at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50 || data.readUInt16LE(at + 8) !== 0) return null;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const size = data.readUInt32LE(at + 18);
  if (size > 100 || start + size > data.length) return null;
  const type = data.toString('ascii', start, start + size);
  return ODF.has(type) ? type : null;
}

function zipType(data: Buffer): string {
  const entries = zipEntries(data);
  if (!entries) throw attachmentTypeRefused('A damaged ZIP archive');
  const names = entries.map((entry) => entry.name);
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) throw attachmentTypeRefused('An office document with macros');
  if (names.includes('[Content_Types].xml')) {
    const kind = OOXML.find(([prefix]) => names.some((name) => name.startsWith(prefix)));
    if (kind) return kind[1];
  }
  const odf = entries[0] && openDocumentType(data, entries[0]);
  if (odf) return odf;
  throw attachmentTypeRefused('A ZIP archive');
}

function compoundType(data: Buffer): string {
  const kind = CFB_STREAMS.find(([stream]) => data.includes(stream));
  if (!kind) throw attachmentTypeRefused('A compound file that is not a Word, Excel or PowerPoint document');
  return kind[1];
}

/** A control character, or an invisible mark that reorders text (left-to-right and right-to-left marks, embeddings, overrides, isolates). */
function hidden(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/**
 * The name to keep: without folders, control and bidirectional-override characters (which can
 * make `cod.exe` look like `exe.doc`), at most ATTACHMENT_NAME_MAX characters, and ending in an
 * extension of its type (one is added when it does not).
 */
export function cleanName(given: string, mediaType: string): string {
  const base = [...(given.split(/[\\/]/).pop() ?? '')]
    .filter((char) => !hidden(char))
    .join('')
    .trim()
    .replace(/[. ]+$/, '');
  const extensions = ATTACHMENT_TYPES[mediaType] ?? [];
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const [stem, suffix] = extensions.includes(extension) ? [base.slice(0, dot), base.slice(dot)] : [base, extensions[0] ? `.${extensions[0]}` : ''];
  const kept = [...(stem || 'file')].slice(0, ATTACHMENT_NAME_MAX - suffix.length).join('');
  return `${kept}${suffix}`;
}
