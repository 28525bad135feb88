/**
 * One source in its own pane: who wrote it, when, in what language and what kind of source it
 * is, above its text; below it, where the selection stands in the original file.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { DocumentSummary, RawLocation, VersionContent } from '../../../shared/domain';
import { ReadOnlySource, type ReadOnlySourceHandle } from '../prosemirror/ReadOnlySource';
import { editLabel } from '../prosemirror/source-decorations';
import { DocumentPicker } from './DocumentPicker';
import { Outline } from './Outline';
import { displayTitle } from './titles';

interface Props {
  readonly client: ApiClient;
  readonly document: DocumentSummary;
  readonly documents: readonly DocumentSummary[];
  readonly onPick: (documentId: string) => void;
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(tag: string): string {
  try {
    return LANGUAGE_NAMES.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

interface Selection {
  from: number;
  to: number;
  location: RawLocation | null;
}

interface OpenEdit {
  index: number;
  location: RawLocation | null;
}

export function SourcePane({ client, document, documents, onPick }: Props) {
  const [content, setContent] = useState<VersionContent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showCitations, setShowCitations] = useState(true);
  const [showPages, setShowPages] = useState(false);
  const [showEdits, setShowEdits] = useState(false);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [openEdit, setOpenEdit] = useState<OpenEdit | null>(null);
  const source = useRef<ReadOnlySourceHandle>(null);

  useEffect(() => {
    let current = true;
    setContent(null);
    setError(null);
    client
      .getVersionContent({ versionId: document.currentVersionId })
      .then((loaded) => current && setContent(loaded))
      .catch((reason: Error) => current && setError(reason.message));
    return () => {
      current = false;
    };
  }, [client, document.currentVersionId]);

  const versionId = document.currentVersionId;
  const onSelect = useCallback(
    (from: number, to: number) => {
      setSelection({ from, to, location: null });
      client
        .locateText({ versionId, offset: from })
        .then((location) => setSelection((now) => (now && now.from === from ? { ...now, location } : now)))
        .catch(() => undefined);
    },
    [client, versionId],
  );
  const onEditClick = useCallback(
    (index: number) => {
      const edit = content?.edits[index];
      if (!edit) return;
      setOpenEdit({ index, location: null });
      client
        .locateText({ versionId, offset: edit.start })
        .then((location) => setOpenEdit((now) => (now && now.index === index ? { ...now, location } : now)))
        .catch(() => undefined);
    },
    [client, content, versionId],
  );

  const title = displayTitle(document);
  const byline = [document.author, document.translator && `transl. ${document.translator}`, document.date]
    .filter(Boolean)
    .join(' · ');
  const classes = ['pane', showCitations ? 'show-citations' : '', showPages ? 'show-pages' : '', showEdits ? 'show-edits' : '']
    .filter(Boolean)
    .join(' ');
  const edit = openEdit && content ? content.edits[openEdit.index] : undefined;
  const ocrCount = content?.edits.filter((e) => e.kind === 'ocr-correction').length ?? 0;
  return (
    <section className={classes} aria-label={title} data-document-id={document.id}>
      <header className="pane-header">
        <div className="pane-title-row">
          <h2 className="pane-title" title={document.description ?? undefined}>
            {title}
          </h2>
          <DocumentPicker current={document.id} documents={documents} onPick={onPick} />
        </div>
        <div className="pane-meta">
          <span className="badge language" title={languageName(document.language)} lang="en">
            {document.language}
          </span>
          <span className={`badge kind ${document.sourceKind}`}>{document.sourceKind}</span>
          {byline && <span className="byline">{byline}</span>}
        </div>
        {content && (
          <div className="pane-tools" role="toolbar" aria-label="Reading options">
            <Outline content={content} onGo={(offset) => source.current?.scrollToOffset(offset)} />
            {content.citations.length > 0 && (
              <button type="button" className="tool" aria-pressed={showCitations} onClick={() => setShowCitations(!showCitations)}>
                Citations [{content.citations.length}]
              </button>
            )}
            {content.locators.some((locator) => locator.kind === 'page') && (
              <button type="button" className="tool" aria-pressed={showPages} onClick={() => setShowPages(!showPages)}>
                Pages
              </button>
            )}
            {content.edits.length > 0 && (
              <button
                type="button"
                className="tool"
                aria-pressed={showEdits}
                onClick={() => setShowEdits(!showEdits)}
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
      <div className="pane-body">
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        {!content && !error && <p className="banner">Loading…</p>}
        {content && (
          <ReadOnlySource
            ref={source}
            content={content}
            language={document.language}
            label={title}
            onSelect={onSelect}
            onEditClick={onEditClick}
          />
        )}
      </div>
      {edit && (
        <div className="edit-popover" role="dialog" aria-label="Edit made to the raw text">
          <strong>{editLabel(edit.kind)}</strong>
          <div>
            Reads: <q>{content!.text.slice(edit.start, edit.end)}</q>
          </div>
          <div>
            Original: <code className="raw-form">{edit.raw}</code>
          </div>
          <div className="reason">{edit.reason}</div>
          {openEdit?.location && <div className="where">{describeLocation(openEdit.location)}</div>}
          <button type="button" className="tool" onClick={() => setOpenEdit(null)}>
            Close
          </button>
        </div>
      )}
      <footer className="pane-status" aria-live="polite">
        {selection?.location ? describeLocation(selection.location, selection.to - selection.from) : ' '}
      </footer>
    </section>
  );
}

function describeLocation(location: RawLocation, selected = 0): string {
  const parts: string[] = [];
  if (location.chapter) parts.push(location.chapter);
  if (location.page) parts.push(`near p. ${location.page}`);
  parts.push(`${location.inTextLayer ? 'text layer' : 'raw file'} line ${location.line}, column ${location.column}`);
  if (selected > 0) parts.push(`${selected} characters selected`);
  return parts.join(' · ');
}
