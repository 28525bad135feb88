/**
 * The head of a source's pane: title and document picker; language, kind and author; and the
 * reading options of the text (outline, citations, pages, edits, format).
 */
import type { DocumentSummary, VersionContent } from '../../../shared/domain';
import { DocumentPicker } from './DocumentPicker';
import { Outline } from './Outline';

/** What the reader chose to see drawn in the text. */
export interface ReadingOptions {
  readonly citations: boolean;
  readonly pages: boolean;
  readonly edits: boolean;
}

interface Props {
  readonly title: string;
  readonly document: DocumentSummary;
  readonly documents: readonly DocumentSummary[];
  readonly onPick: (documentId: string) => void;
  /** Closes the pane (undefined: no close button). */
  readonly onClose: (() => void) | undefined;
  readonly accessory: React.ReactNode;
  /** Null while the text is loading (the reading options wait for it). */
  readonly content: VersionContent | null;
  readonly options: ReadingOptions;
  readonly onOptions: (options: ReadingOptions) => void;
  /** Scrolls the text to a reading-text offset (from the outline). */
  readonly onGo: (offset: number) => void;
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(tag: string): string {
  try {
    return LANGUAGE_NAMES.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function PaneHeader({ title, document, documents, onPick, onClose, accessory, content, options, onOptions, onGo }: Props) {
  const byline = [document.author, document.translator && `transl. ${document.translator}`, document.date].filter(Boolean).join(' · ');
  const ocrCount = content?.edits.filter((e) => e.kind === 'ocr-correction').length ?? 0;
  const toggle = (option: keyof ReadingOptions) => onOptions({ ...options, [option]: !options[option] });
  return (
    <header className="pane-header">
      <div className="pane-title-row">
        <h2 className="pane-title" title={document.description ?? undefined}>
          {title}
        </h2>
        <DocumentPicker current={document.id} documents={documents} onPick={onPick} />
        {/* In the title row, away from the grade badge: a click meant for the grade must not close the pane. */}
        {onClose && (
          <button type="button" className="tool icon close-pane" aria-label="Close this pane" title="Close this pane" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <div className="pane-meta">
        <span className="badge language" title={languageName(document.language)} lang="en">
          {document.language}
        </span>
        <span className={`badge kind ${document.sourceKind}`}>{document.sourceKind}</span>
        {byline && <span className="byline">{byline}</span>}
        {accessory}
      </div>
      {content && (
        <div className="pane-tools" role="toolbar" aria-label="Reading options">
          <Outline content={content} onGo={onGo} />
          {content.citations.length > 0 && (
            <button type="button" className="tool" aria-pressed={options.citations} onClick={() => toggle('citations')}>
              Citations [{content.citations.length}]
            </button>
          )}
          {content.locators.some((locator) => locator.kind === 'page') && (
            <button type="button" className="tool" aria-pressed={options.pages} onClick={() => toggle('pages')}>
              Pages
            </button>
          )}
          {content.edits.length > 0 && (
            <button
              type="button"
              className="tool"
              aria-pressed={options.edits}
              onClick={() => toggle('edits')}
              title="Show where the text was edited from the raw file (OCR corrections, line-end hyphens)"
            >
              Edits {ocrCount > 0 ? `(${ocrCount} OCR)` : ''}
            </button>
          )}
          <span className="format" title={`${content.fileName}, SHA-256 ${content.sha256}`}>
            {content.format} · {content.encoding}
          </span>
        </div>
      )}
    </header>
  );
}
