/**
 * The claims on a time axis: each at its historical date, a span drawn from its first to its last
 * day, an approximate date with faded, dashed ends; marked agreed or disputed (symbol and word as
 * well as colour). Where an account's own date (read off its quote) lies outside the claim's, it is
 * marked on the claim's line too, with the source's name. Undated claims are listed apart. A click
 * (or Enter) opens the claim to compare.
 */
import { useMemo, type KeyboardEvent } from 'react';
import type { Claim } from '../../../shared/claims';
import type { DocumentSummary } from '../../../shared/domain';
import { useAnnotationIndex, useSnapshot, useStores } from '../state/store-context';
import { accountDatesDiffering, type AccountDate } from './account-dates';
import { accountViews, agreementOf, plural, type Agreement } from './claim-facts';
import { dateReading } from './ClaimEditor';
import { AgreementBadge } from './StanceMark';

const DAY = 86_400_000;
const MONTH_LETTERS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

interface Axis {
  readonly start: number;
  readonly end: number;
  readonly years: readonly { year: number; at: number; labelled: boolean }[];
  readonly months: readonly { label: string; at: number }[];
}

/** The axis over every span drawn: the claims' dates and the accounts' dates that differ from them. */
function axisFor(spans: readonly { readonly from: string; readonly to: string }[]): Axis | null {
  if (spans.length === 0) return null;
  const first = Math.min(...spans.map((span) => Number(span.from.slice(0, 4))));
  const last = Math.max(...spans.map((span) => Number(span.to.slice(0, 4))));
  const start = Date.UTC(first, 0, 1);
  const end = Date.UTC(last + 1, 0, 1);
  const span = last + 1 - first;
  const step = span <= 12 ? 1 : span <= 40 ? 5 : span <= 120 ? 10 : 50;
  const at = (t: number) => ((t - start) / (end - start)) * 100;
  const years = [];
  for (let year = first; year <= last + 1; year++) years.push({ year, at: at(Date.UTC(year, 0, 1)), labelled: year % step === 0 || step === 1 });
  const months = [];
  if (span <= 3) {
    for (let year = first; year <= last; year++)
      for (let month = 1; month < 12; month++) months.push({ label: MONTH_LETTERS[month]!, at: at(Date.UTC(year, month, 1)) });
  }
  return { start, end, years, months };
}

export function ClaimsTimeline({ documents }: { documents: readonly DocumentSummary[] }) {
  const { claims: claimStore, workspace } = useStores();
  const { claims } = useSnapshot(claimStore);
  const { claimsPanel } = useSnapshot(workspace);
  const annotationsById = useAnnotationIndex();
  const { agreements, accountDates } = useMemo(() => {
    const agreements = new Map<string, Agreement>();
    const accountDates = new Map<string, AccountDate[]>();
    for (const claim of claims) {
      const views = accountViews(claim, annotationsById, documents);
      agreements.set(claim.id, agreementOf(views, claim));
      accountDates.set(claim.id, accountDatesDiffering(claim.date, views));
    }
    return { agreements, accountDates };
  }, [claims, annotationsById, documents]);
  const axis = useMemo(
    () => axisFor(claims.flatMap((claim) => (claim.date ? [claim.date, ...(accountDates.get(claim.id) ?? [])] : []))),
    [claims, accountDates],
  );
  const dated = useMemo(
    () => claims.filter((claim) => claim.date).sort((a, b) => a.date!.from.localeCompare(b.date!.from) || a.date!.to.localeCompare(b.date!.to) || a.wording.localeCompare(b.wording)),
    [claims],
  );
  const undated = claims.filter((claim) => !claim.date);

  const open = (claim: Claim) => workspace.compareClaim(claim.id);
  const onKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const rows = [...(event.currentTarget.closest('.timeline-view')?.querySelectorAll<HTMLElement>('.timeline-row') ?? [])];
    const index = rows.indexOf(event.currentTarget);
    rows[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
  };

  if (claims.length === 0) {
    return (
      <div className="claims-empty">
        <p>
          <strong>No claims yet.</strong> Select a passage in a pane and choose <em>Claim…</em> to record what it says; give the
          claim a date (“8 November 1932”, “1932–33”, “c. 1932”) and it takes its place here.
        </p>
      </div>
    );
  }

  const place = ({ from, to }: { from: string; to: string }) => {
    const left = ((time(from) - axis!.start) / (axis!.end - axis!.start)) * 100;
    const right = ((time(to) + DAY - axis!.start) / (axis!.end - axis!.start)) * 100;
    return { left, width: Math.max(0, right - left) };
  };

  const row = (claim: Claim, onAxis: boolean) => {
    const agreement = agreements.get(claim.id)!;
    const position = onAxis ? place(claim.date!) : null;
    const others = onAxis ? (accountDates.get(claim.id) ?? []) : [];
    return (
      <li key={claim.id}>
        <button
          type="button"
          className={`timeline-row agreement-${agreement.state}${claim.id === claimsPanel.claimId ? ' current' : ''}`}
          aria-current={claim.id === claimsPanel.claimId ? 'true' : undefined}
          data-claim-id={claim.id}
          title={`Open in the compare view${agreement.reasons.length ? ` — ${agreement.reasons.join('; ')}` : ''}`}
          onClick={() => open(claim)}
          onKeyDown={onKey}
        >
          <span className="timeline-label">
            <span className="timeline-wording">{claim.wording}</span>
            <span className="timeline-meta">
              <span className="timeline-date">{claim.date ? claim.date.text : 'undated'}</span>
              <span className="muted"> · {plural(claim.accounts.length, 'account')} · </span>
              <AgreementBadge agreement={agreement} />
              {others.length > 0 && (
                <span className="timeline-account-dates">
                  {' · '}
                  {others.map((other) => `${other.label}: ${other.text}`).join('; ')}
                </span>
              )}
            </span>
          </span>
          {position && (
            <span className="timeline-track" aria-hidden="true">
              <span
                className={`timeline-bar agreement-${agreement.state}${claim.date!.circa ? ' circa' : ''} precision-${claim.date!.precision}`}
                style={{ left: `${position.left}%`, width: `${position.width}%` }}
                title={dateReading(claim.date!)}
              />
              {others.map((other) => (
                <span
                  key={`${other.accountId}-${other.from}-${other.to}`}
                  className="timeline-account-date"
                  data-account-id={other.accountId}
                  style={{ left: `${place(other).left}%`, width: `${place(other).width}%` }}
                  title={`${other.label}: ${other.text}`}
                />
              ))}
            </span>
          )}
        </button>
      </li>
    );
  };

  return (
    <div className="timeline-view">
      <div className="timeline-legend muted">
        <span>
          <span className="agreement agreement-agreed">
            <span aria-hidden="true">=</span> Agreed
          </span>{' '}
          no source contradicts another
        </span>
        <span>
          <span className="agreement agreement-disputed">
            <span aria-hidden="true">≠</span> Disputed
          </span>{' '}
          sources support and contradict it, or qualify it with other dates or numbers
        </span>
        <span>
          <span className="legend-bar circa" aria-hidden="true" /> approximate date (c.)
        </span>
        <span>
          <span className="legend-account-date" aria-hidden="true" /> an account’s own date, where it differs
        </span>
      </div>
      {axis && (
        <div className="timeline">
          <div className="timeline-axis" aria-hidden="true">
            <span className="timeline-label" />
            <span className="timeline-track axis-track">
              {axis.months.map((month) => (
                <span key={`${month.at}`} className="tick month" style={{ left: `${month.at}%` }}>
                  <span className="tick-label">{month.label}</span>
                </span>
              ))}
              {axis.years.map((year) => (
                <span key={year.year} className="tick year" style={{ left: `${year.at}%` }}>
                  {year.labelled && <span className="tick-label">{year.year}</span>}
                </span>
              ))}
            </span>
          </div>
          <ol className="timeline-rows" aria-label="Dated claims, earliest first">
            {dated.map((claim) => row(claim, true))}
          </ol>
        </div>
      )}
      {undated.length > 0 && (
        <section className="timeline-undated" aria-label="Undated claims">
          <h4>Undated</h4>
          <p className="muted">Give these a date in the compare view to place them on the time axis.</p>
          <ul className="timeline-rows">{undated.map((claim) => row(claim, false))}</ul>
        </section>
      )}
    </div>
  );
}
