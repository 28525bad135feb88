/**
 * Annotations that could not be placed on the current text of their document: never hidden, each
 * shown with its quote in its context and why it was orphaned, and re-attached by selecting the
 * passage in a pane and clicking "Re-attach here".
 */
import { useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/annotations';
import { type DocumentSummary, displayTitle } from '../../../shared/domain';
import { VirtualList } from '../lists/VirtualList';
import { messageOf } from '../state/errors';
import { useSnapshot, useStores } from '../state/store-context';
import { fullTime, relativeTime, useNow } from './time';

/** An orphan's card: its quote in context, why, and the button, in pixels (each is measured once drawn). */
const ORPHAN_HEIGHT = 170;
const orphanKey = (orphan: Annotation) => orphan.id;

export function OrphansTab({ documents }: { documents: readonly DocumentSummary[] }) {
  const { annotations: store, workspace } = useStores();
  const { annotations } = useSnapshot(store);
  const { selection } = useSnapshot(workspace);
  const now = useNow();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ id: string; message: string } | null>(null);
  const orphans = useMemo(() => annotations.filter((annotation) => annotation.status === 'orphan'), [annotations]);
  const title = (id: string) => {
    const document = documents.find((d) => d.id === id);
    return document ? displayTitle(document) : 'a removed document';
  };

  const reattach = async (orphan: Annotation) => {
    if (!selection) return;
    setBusy(orphan.id);
    setFailed(null);
    try {
      await store.reattach({ id: orphan.id, versionId: selection.versionId, start: selection.start, end: selection.end });
    } catch (error) {
      setFailed({ id: orphan.id, message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="tab-body orphans-tab">
      <p className="muted intro">
        These annotations could not be placed on the current text of their document. To re-attach one, select the passage
        in a pane, then click <em>Re-attach here</em>.
      </p>
      <p className="selection-state muted" aria-live="polite">
        {selection
          ? `Selected: ${selection.end - selection.start} characters in ${title(selection.documentId)}`
          : 'Nothing selected in a pane.'}
      </p>
      {orphans.length === 0 && <p className="empty muted">No orphaned annotations.</p>}
      <VirtualList
        className="cards"
        aria-label="Orphaned annotations"
        items={orphans}
        itemKey={orphanKey}
        estimateSize={ORPHAN_HEIGHT}
        renderItem={(orphan, props) => {
          const sameDocument = selection?.documentId === orphan.documentId;
          return (
            <li {...props}>
              <article className="card orphan" data-color={orphan.color} data-annotation-id={orphan.id}>
                <p className="orphan-context">
                  {orphan.quote.prefix && <span className="context">…{orphan.quote.prefix}</span>}
                  <mark className="orphan-quote">{orphan.quote.exact}</mark>
                  {orphan.quote.suffix && <span className="context">{orphan.quote.suffix}…</span>}
                </p>
                <p className="orphan-reason">
                  <strong>Why:</strong> {orphan.orphanReason ?? 'The quote was not found in the current version.'}
                </p>
                {orphan.noteText.trim() && <p className="card-note">{orphan.noteText}</p>}
                <footer className="card-meta">
                  <span className="card-document">{title(orphan.documentId)}</span>
                  <time dateTime={orphan.updatedAt} title={`Last changed ${fullTime(orphan.updatedAt)}`}>
                    {relativeTime(orphan.updatedAt, now)}
                  </time>
                </footer>
                <div className="orphan-actions">
                  <button
                    type="button"
                    className="tool"
                    disabled={!selection || !sameDocument || busy === orphan.id}
                    title={
                      !selection
                        ? 'Select the passage in a pane first'
                        : !sameDocument
                          ? `Select the passage in ${title(orphan.documentId)}`
                          : 'Place this annotation on the selected passage'
                    }
                    // Keep the pane's selection: a click on the button must not clear it first.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => void reattach(orphan)}
                  >
                    {busy === orphan.id ? 'Re-attaching…' : 'Re-attach here'}
                  </button>
                  {selection && !sameDocument && (
                    <span className="muted">The selection is in another document.</span>
                  )}
                </div>
                {failed?.id === orphan.id && (
                  <p className="error" role="alert">
                    {failed.message}
                  </p>
                )}
              </article>
            </li>
          );
        }}
      />
    </div>
  );
}
