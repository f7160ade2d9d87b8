/**
 * The file types the Toolkit accepts, recognised by their bytes. Nothing here can run in a page:
 * no SVG, HTML, XML, scripts or programs. Images are shown inline; everything else is downloaded.
 */

/** How an accepted file's bytes are recognised. */
export type Detection = 'magic' | 'ooxml' | 'odf' | 'text';

/** One accepted file type. */
export interface AllowedType {
  /** Stable identifier of the format, stored with the file. */
  kind: FileKind;
  /** What people call it, used in messages. */
  label: string;
  /** The Content-Type the file is served with. */
  mime: string;
  /** Extensions a name may end in; the first is the canonical one. */
  extensions: readonly [string, ...string[]];
  disposition: 'inline' | 'attachment';
  detection: Detection;
  /**
   * For zip containers, the content type their manifest must declare for the main part:
   * OOXML `[Content_Types].xml` (`…main+xml`) or the ODF `mimetype` entry.
   */
  containerType?: string;
}

export type FileKind =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'odt'
  | 'ods'
  | 'odp'
  | 'text'
  | 'csv'
  | 'markdown'
  | 'mp4'
  | 'mp3';

const ooxml = 'application/vnd.openxmlformats-officedocument';
const odf = 'application/vnd.oasis.opendocument';

/** Every type the Toolkit accepts. Order is the order shown in messages. */
export const allowedTypes: readonly AllowedType[] = [
  {
    kind: 'pdf',
    label: 'PDF',
    mime: 'application/pdf',
    extensions: ['pdf'],
    disposition: 'attachment',
    detection: 'magic',
  },
  {
    kind: 'png',
    label: 'PNG image',
    mime: 'image/png',
    extensions: ['png'],
    disposition: 'inline',
    detection: 'magic',
  },
  {
    kind: 'jpeg',
    label: 'JPEG image',
    mime: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    disposition: 'inline',
    detection: 'magic',
  },
  {
    kind: 'gif',
    label: 'GIF image',
    mime: 'image/gif',
    extensions: ['gif'],
    disposition: 'inline',
    detection: 'magic',
  },
  {
    kind: 'webp',
    label: 'WebP image',
    mime: 'image/webp',
    extensions: ['webp'],
    disposition: 'inline',
    detection: 'magic',
  },
  {
    kind: 'docx',
    label: 'Word document',
    mime: `${ooxml}.wordprocessingml.document`,
    extensions: ['docx'],
    disposition: 'attachment',
    detection: 'ooxml',
    containerType: `${ooxml}.wordprocessingml.document.main+xml`,
  },
  {
    kind: 'xlsx',
    label: 'Excel workbook',
    mime: `${ooxml}.spreadsheetml.sheet`,
    extensions: ['xlsx'],
    disposition: 'attachment',
    detection: 'ooxml',
    containerType: `${ooxml}.spreadsheetml.sheet.main+xml`,
  },
  {
    kind: 'pptx',
    label: 'PowerPoint presentation',
    mime: `${ooxml}.presentationml.presentation`,
    extensions: ['pptx'],
    disposition: 'attachment',
    detection: 'ooxml',
    containerType: `${ooxml}.presentationml.presentation.main+xml`,
  },
  {
    kind: 'odt',
    label: 'OpenDocument text',
    mime: `${odf}.text`,
    extensions: ['odt'],
    disposition: 'attachment',
    detection: 'odf',
    containerType: `${odf}.text`,
  },
  {
    kind: 'ods',
    label: 'OpenDocument spreadsheet',
    mime: `${odf}.spreadsheet`,
    extensions: ['ods'],
    disposition: 'attachment',
    detection: 'odf',
    containerType: `${odf}.spreadsheet`,
  },
  {
    kind: 'odp',
    label: 'OpenDocument presentation',
    mime: `${odf}.presentation`,
    extensions: ['odp'],
    disposition: 'attachment',
    detection: 'odf',
    containerType: `${odf}.presentation`,
  },
  {
    kind: 'text',
    label: 'plain text file',
    mime: 'text/plain; charset=utf-8',
    extensions: ['txt'],
    disposition: 'attachment',
    detection: 'text',
  },
  {
    kind: 'csv',
    label: 'CSV file',
    mime: 'text/csv; charset=utf-8',
    extensions: ['csv'],
    disposition: 'attachment',
    detection: 'text',
  },
  {
    kind: 'markdown',
    label: 'Markdown file',
    mime: 'text/markdown; charset=utf-8',
    extensions: ['md', 'markdown'],
    disposition: 'attachment',
    detection: 'text',
  },
  {
    kind: 'mp4',
    label: 'MP4 video',
    mime: 'video/mp4',
    extensions: ['mp4'],
    disposition: 'attachment',
    detection: 'magic',
  },
  {
    kind: 'mp3',
    label: 'MP3 audio',
    mime: 'audio/mpeg',
    extensions: ['mp3'],
    disposition: 'attachment',
    detection: 'magic',
  },
];

/** The accepted type whose detected MIME type (from file-type) is `mime`, if any. */
export function findAllowedTypeByMime(mime: string): AllowedType | undefined {
  return allowedTypes.find((type) => type.detection !== 'text' && type.mime === mime);
}

/** The accepted text type a name's extension asks for (`txt`, `csv`, `md`), if any. */
export function findTextTypeByExtension(extension: string): AllowedType | undefined {
  return allowedTypes.find((type) => type.detection === 'text' && type.extensions.includes(extension));
}

/** The accepted types in one sentence, for messages; a test checks it names every extension. */
export const allowedTypesSentence =
  'Allowed files are PDF; PNG, JPEG, GIF and WebP images; Word, Excel and PowerPoint files (.docx, .xlsx, ' +
  '.pptx); OpenDocument files (.odt, .ods, .odp); plain text (.txt), CSV (.csv) and Markdown (.md, ' +
  '.markdown); MP4 video (.mp4) and MP3 audio (.mp3).';

/** "a PNG image", "an Excel workbook": a label with its article, for messages. */
export function withArticle(label: string): string {
  return /^(?:[aeiou]|MP\d|OpenDocument)/i.test(label) ? `an ${label}` : `a ${label}`;
}
