/**
 * What the file will hold: the text of a text format (its beginning, for a large one), the HTML
 * report drawn in a sandboxed frame (no scripts, no requests), and for the REFI-QDA archive a
 * summary, since a zip has nothing to read.
 */
import { EXPORT_FORMATS, type ExportedFile, type ExportRequest } from '../../../shared/export';
import { fileBlob, sizeOf } from './export-job';
import type { PreviewState } from './use-export-preview';

const MAX_LINES = 400;
const MAX_CHARS = 100_000;
/** The HTML report is drawn whole up to this size; a larger one is cut (the browser mends the markup). */
const MAX_HTML_CHARS = 1_000_000;

interface Props {
  readonly preview: PreviewState;
  /** For the archive's summary: how many sources and tags the project has. */
  readonly sourceCount: number;
  readonly tagCount: number;
}

/** The beginning of a long text, and whether it was cut. */
function beginning(text: string): { text: string; cut: boolean; lines: number } {
  const lines = text.split('\n');
  let shown = lines.length > MAX_LINES ? lines.slice(0, MAX_LINES).join('\n') : text;
  if (shown.length > MAX_CHARS) shown = shown.slice(0, MAX_CHARS);
  return { text: shown, cut: shown.length < text.length, lines: lines.length };
}

export function ExportPreview({ preview, sourceCount, tagCount }: Props) {
  const { shown, pending, error } = preview;
  return (
    <section className="export-preview" aria-label="Preview" aria-busy={pending}>
      <p className="export-count" aria-live="polite">
        {shown ? `${shown.file.annotations} annotation${shown.file.annotations === 1 ? '' : 's'} in the export` : 'Preparing the preview…'}
        {shown && pending && <span className="muted"> · updating…</span>}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shown && <PreviewBody request={shown.request} file={shown.file} sourceCount={sourceCount} tagCount={tagCount} />}
    </section>
  );
}

interface BodyProps {
  readonly request: ExportRequest;
  readonly file: ExportedFile;
  readonly sourceCount: number;
  readonly tagCount: number;
}

function PreviewBody({ request, file, sourceCount, tagCount }: BodyProps) {
  if (file.encoding === 'base64') {
    const sources = request.filter.documentIds?.length || sourceCount;
    return (
      <p className="export-summary">
        {EXPORT_FORMATS[request.format].label.replace(/ \(.*\)$/, '')}: {file.annotations} annotation{file.annotations === 1 ? '' : 's'}, {sources}{' '}
        source{sources === 1 ? '' : 's'} with their texts, {tagCount} code{tagCount === 1 ? '' : 's'} from the codebook (
        {sizeOf(fileBlob(file).size)}). Open it in a QDA program such as MAXQDA, ATLAS.ti or NVivo.
      </p>
    );
  }
  if (request.format === 'html') {
    const cut = file.content.length > MAX_HTML_CHARS;
    return (
      <>
        {/* sandbox="": the report's own markup only, no scripts, forms or navigation. */}
        <iframe className="export-frame" sandbox="" srcDoc={cut ? file.content.slice(0, MAX_HTML_CHARS) : file.content} title="Preview of the HTML report" />
        {cut && <p className="muted">The preview shows the first {sizeOf(MAX_HTML_CHARS)} of the report; the saved file is whole.</p>}
      </>
    );
  }
  // A CSV starts with a byte order mark for spreadsheets; it is not something to read.
  const text = beginning(file.content.replace(/^\uFEFF/, ''));
  return (
    <>
      <pre className="preview export-text" tabIndex={0} aria-label={`Preview of the ${EXPORT_FORMATS[request.format].label}`}>
        {text.text}
      </pre>
      {text.cut && (
        <p className="muted">
          The preview shows the beginning ({Math.min(text.lines, MAX_LINES)} of {text.lines} lines); the saved file is whole.
        </p>
      )}
    </>
  );
}
