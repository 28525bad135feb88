/**
 * One source in its own pane: who wrote it, when, in what language and what kind of source it
 * is, above its text. A historian judges a text by these before reading a line of it.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { DocumentSummary, VersionContent } from '../../../shared/domain';
import { ReadOnlySource } from '../prosemirror/ReadOnlySource';

interface Props {
  readonly client: ApiClient;
  readonly document: DocumentSummary;
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

export function SourcePane({ client, document }: Props) {
  const [content, setContent] = useState<VersionContent | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    client
      .getVersionContent({ versionId: document.currentVersionId })
      .then((loaded) => current && setContent(loaded))
      .catch((reason: Error) => current && setError(reason.message));
    return () => {
      current = false;
    };
  }, [client, document.currentVersionId]);

  // Archival convention: a title supplied by an editor stands in square brackets.
  const title = document.titleSupplied ? `[${document.title}]` : document.title;
  const byline = [document.author, document.translator && `transl. ${document.translator}`, document.date]
    .filter(Boolean)
    .join(' · ');
  return (
    <section className="pane" aria-label={title} data-document-id={document.id}>
      <header className="pane-header">
        <h2 className="pane-title" title={document.description ?? undefined}>
          {title}
        </h2>
        <div className="pane-meta">
          <span className="badge language" title={LANGUAGE_NAMES.of(document.language)} lang="en">
            {document.language}
          </span>
          <span className={`badge kind ${document.sourceKind}`}>{document.sourceKind}</span>
          {byline && <span className="byline">{byline}</span>}
        </div>
      </header>
      <div className="pane-body">
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        {!content && !error && <p className="banner">Loading…</p>}
        {content && <ReadOnlySource content={content} language={document.language} label={title} />}
      </div>
    </section>
  );
}
