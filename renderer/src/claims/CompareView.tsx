/**
 * One claim and its accounts side by side: the claim's head (edited in place), the differences in
 * dates and numbers between the accounts, a column per account, grouped by source, each with its
 * quote near the top (in sight at 1280×800 without scrolling), and the verdict under them. A search
 * over wording, people, places and dates picks the claim.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/annotations';
import type { Claim } from '../../../shared/claims';
import type { DocumentSummary } from '../../../shared/domain';
import { useAssessments } from '../assessment/use-assessments';
import { useAnnotationIndex, useSnapshot, useStores } from '../state/store-context';
import { AccountColumn } from './AccountColumn';
import type { AccountView } from './account-view';
import { accountViews, agreementOf, plural } from './claim-facts';
import { rankClaims } from './claim-search';
import { ClaimEditor, ClaimVerdict } from './ClaimEditor';
import { marksFor } from './differences';
import { StanceMark } from './StanceMark';

interface Props {
  readonly documents: readonly DocumentSummary[];
  readonly onShowInText: (annotation: Annotation) => void;
}

export function CompareView({ documents, onShowInText }: Props) {
  const { claims: claimStore, workspace, finder } = useStores();
  const { claims } = useSnapshot(claimStore);
  const { claimsPanel } = useSnapshot(workspace);
  const [query, setQuery] = useState('');
  const claim: Claim | undefined = claims.find((c) => c.id === claimsPanel.claimId) ?? claims[0];
  const found = useMemo(() => rankClaims(claims, query), [claims, query]);

  const annotationsById = useAnnotationIndex();
  const views = useMemo(() => (claim ? accountViews(claim, annotationsById, documents) : []), [claim, annotationsById, documents]);
  const agreement = useMemo(() => (claim ? agreementOf(views, claim) : null), [claim, views]);

  // The grades of the sources told.
  const { assessments, failures } = useAssessments(views.flatMap((view) => (view.document ? [view.document.id] : [])));

  if (claims.length === 0) {
    return (
      <div className="claims-empty">
        <p>
          <strong>No claims yet.</strong> Select a passage in a pane and choose <em>Claim…</em> to record what it says.
        </p>
        <p className="muted">
          Then attach the passages of the other sources that tell the same thing, each with its stance — supports, qualifies,
          contradicts or mentions — and compare them here side by side.
        </p>
      </div>
    );
  }

  const groups: AccountView[][] = [];
  for (const view of views) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.document?.id === view.document?.id) last.push(view);
    else groups.push([view]);
  }

  const suggest = claim && (
    <button
      type="button"
      className="tool suggest-accounts"
      title="The passages of the sources that most likely tell this claim, with why"
      onClick={() => finder.suggest({ from: { kind: 'claim', claimId: claim.id }, documentId: null, label: claim.wording })}
    >
      Suggest accounts
    </button>
  );

  return (
    <div className="compare-view">
      <nav className="claim-picker" aria-label="Choose a claim">
        <input
          type="search"
          className="claims-find"
          placeholder="Find a claim: words, people, places, dates"
          aria-label="Find a claim"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <p className="muted picker-count" aria-live="polite">
          {query ? `${found.length} of ${plural(claims.length, 'claim')}` : plural(claims.length, 'claim')}
        </p>
        <ul className="claim-list" aria-label="Claims">
          {found.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                aria-current={c.id === claim?.id ? 'true' : undefined}
                onClick={() => workspace.compareClaim(c.id)}
              >
                <span className="claim-list-wording">{c.wording}</span>
                <span className="claim-list-meta muted">
                  {c.date?.text ?? 'undated'} · {plural(c.accounts.length, 'account')}
                </span>
              </button>
            </li>
          ))}
          {found.length === 0 && <li className="muted picker-none">No claim matches “{query}”.</li>}
        </ul>
      </nav>
      {claim && agreement && (
        <div className="compare-main" key={claim.id}>
          <ClaimEditor claim={claim} agreement={agreement}>
            {views.length > 0 && (
              <div className="stance-summary">
                <p className="muted">
                  {plural(views.length, 'account')} in {plural(groups.length, 'source')}:{' '}
                  {views.map((view) => (
                    <StanceMark key={view.account.id} stance={view.account.stance} source={view.label} />
                  ))}
                </p>
                {suggest}
              </div>
            )}
          </ClaimEditor>
          {agreement.differences.length > 0 && (
            <section className="differences" aria-label="Differences between the accounts">
              <ul>
                {agreement.differences.map((difference) => (
                  <li key={difference.summary}>
                    <span aria-hidden="true">≠ </span>
                    {difference.summary}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {views.length === 0 ? (
            <div className="claims-empty">
              <p>
                <strong>No accounts yet.</strong> Select a passage in a pane that tells this claim and choose <em>Claim…</em>{' '}
                to attach it, with its stance.
              </p>
              <p>{suggest}</p>
            </div>
          ) : (
            <div className="accounts" role="list" aria-label="Accounts">
              {groups.map((group) => (
                <div key={group[0]!.account.id} className="source-group" role="listitem" data-count={group.length}>
                  {group.map((view) => (
                    <AccountColumn
                      key={view.account.id}
                      view={view}
                      assessment={view.document ? assessments[view.document.id] : undefined}
                      assessmentFailure={view.document ? failures[view.document.id] : undefined}
                      marks={marksFor(agreement.differences, view.account.id)}
                      onShowInText={onShowInText}
                    />
                  ))}
                </div>
              ))}
            </div>
          )}
          <ClaimVerdict claim={claim} />
        </div>
      )}
    </div>
  );
}
