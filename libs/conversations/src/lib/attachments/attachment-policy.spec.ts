import { DomainException, ErrorCode } from '@switchboard/contracts';
import { AttachmentPolicy, cleanName } from './attachment-policy';

/** A ZIP of stored (uncompressed) entries, as office suites write their documents. */
function zip(entries: Array<[name: string, content: string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const fileName = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An OLE2 compound file whose directory names `stream` (as Word, Excel and PowerPoint files do). */
const compound = (stream: string) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('Root Entry', 'utf16le'), Buffer.alloc(54), Buffer.from(stream, 'utf16le'), Buffer.alloc(512)]);

const OOXML_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

describe('AttachmentPolicy', () => {
  const policy = new AttachmentPolicy({ maxBytes: 64 * 1024 });
  const refusal = (name: string, data: Buffer) => {
    try {
      policy.accept(name, data);
    } catch (error) {
      if (error instanceof DomainException) return { code: error.code, message: error.message };
      throw error;
    }
    return null;
  };

  it('takes the type of images and PDFs from their signature, whatever their name says', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(policy.accept('photo.png', png)).toMatchObject({ mediaType: 'image/png', name: 'photo.png', size: png.length });
    expect(policy.accept('scan.jpg', Buffer.from('ffd8ffe000104a464946', 'hex')).mediaType).toBe('image/jpeg');
    expect(policy.accept('a.gif', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')).mediaType).toBe('image/gif');
    expect(policy.accept('a.webp', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])).mediaType).toBe('image/webp');
    expect(policy.accept('report.exe', Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toMatchObject({ mediaType: 'application/pdf', name: 'report.exe.pdf' });
  });

  it('tells office documents by what their container holds', () => {
    expect(policy.accept('letter.docx', zip([['[Content_Types].xml', OOXML_TYPES], ['word/document.xml', '<w:document/>']])).mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(policy.accept('sheet', zip([['[Content_Types].xml', OOXML_TYPES], ['xl/workbook.xml', '<workbook/>']]))).toMatchObject({
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      name: 'sheet.xlsx',
    });
    expect(policy.accept('talk.pptx', zip([['[Content_Types].xml', OOXML_TYPES], ['ppt/presentation.xml', '<p/>']])).mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    expect(policy.accept('memo.odt', zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<office:document-content/>']])).mediaType).toBe(
      'application/vnd.oasis.opendocument.text',
    );
    expect(policy.accept('old.doc', compound('WordDocument')).mediaType).toBe('application/msword');
    expect(policy.accept('old.xls', compound('Workbook')).mediaType).toBe('application/vnd.ms-excel');
    expect(policy.accept('old.ppt', compound('PowerPoint Document')).mediaType).toBe('application/vnd.ms-powerpoint');
  });

  it('refuses archives, macros and other compound files, naming them', () => {
    expect(refusal('files.docx', zip([['setup.exe', 'MZ']]))).toMatchObject({ code: ErrorCode.UnsupportedMediaType, message: expect.stringContaining('A ZIP archive') });
    expect(refusal('macro.docx', zip([['[Content_Types].xml', OOXML_TYPES], ['word/document.xml', '<w:document/>'], ['word/vbaProject.bin', 'x']]))).toMatchObject({
      message: expect.stringContaining('macros'),
    });
    expect(refusal('fake.odt', zip([['mimetype', 'application/x-shockwave-flash']]))?.message).toContain('A ZIP archive');
    expect(refusal('setup.doc', compound('SummaryInformation'))?.message).toContain('compound file');
    expect(refusal('broken.docx', Buffer.from('PK\x03\x04 not really a zip', 'latin1'))?.message).toContain('damaged ZIP');
  });

  it('accepts UTF-8 text but not markup, binary or other encodings', () => {
    expect(policy.accept('notes', Buffer.from('Žluťoučký kůň\r\n\tna řádku <b>dva</b>\n'))).toMatchObject({ mediaType: 'text/plain', name: 'notes.txt' });
    expect(policy.accept('data.csv', Buffer.from('\ufeffa;b\n1;2\n')).mediaType).toBe('text/plain');
    expect(refusal('page.png', Buffer.from('  \n<!doctype html><title>x</title>'))?.message).toContain('HTML, XML or SVG');
    expect(refusal('logo.txt', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))?.code).toBe(ErrorCode.UnsupportedMediaType);
    expect(refusal('feed.txt', Buffer.from('\ufeff<?xml version="1.0"?><rss/>'))?.code).toBe(ErrorCode.UnsupportedMediaType);
    expect(refusal('bin.txt', Buffer.from([0x41, 0x42, 0x00, 0x43]))?.message).toContain('A file of this kind');
    expect(refusal('latin.txt', Buffer.from('caf\xe9', 'latin1'))?.code).toBe(ErrorCode.UnsupportedMediaType);
    expect(refusal('run.png', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from([0x50, 0x45, 0x00, 0x00])]))?.message).toContain('A file of type EXE');
  });

  it('refuses an empty file and one over the limit; exactly the limit is fine', () => {
    expect(refusal('empty.txt', Buffer.alloc(0))).toMatchObject({ code: ErrorCode.ValidationFailed, message: 'The file is empty' });
    const text = (bytes: number) => Buffer.alloc(bytes, 'a');
    expect(refusal('big.txt', text(64 * 1024 + 1))).toEqual({ code: ErrorCode.PayloadTooLarge, message: 'The file is larger than the 64 KB allowed' });
    expect(policy.accept('edge.txt', text(64 * 1024)).size).toBe(64 * 1024);
  });
});

describe('cleanName', () => {
  it('drops folders, control and direction-override characters', () => {
    expect(cleanName('C:\\Users\\eva\\photo.png', 'image/png')).toBe('photo.png');
    expect(cleanName('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
    expect(cleanName('invoice\u202Egnp.exe', 'image/png')).toBe('invoicegnp.exe.png');
    expect(cleanName('a\u0000b\nc.pdf', 'application/pdf')).toBe('abc.pdf');
  });

  it('keeps an extension of the type (any case), adds one otherwise, and never leaves a name empty', () => {
    expect(cleanName('Scan.JPEG', 'image/jpeg')).toBe('Scan.JPEG');
    expect(cleanName('scan.jpg', 'image/png')).toBe('scan.jpg.png');
    expect(cleanName('  ...  ', 'application/pdf')).toBe('file.pdf');
    expect(cleanName('.png', 'image/png')).toBe('.png.png');
  });

  it('shortens a long name and keeps its extension', () => {
    const name = cleanName(`${'é'.repeat(500)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('é.pdf')).toBe(true);
  });
});
