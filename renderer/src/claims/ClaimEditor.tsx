/**
 * The claim in the compare view, edited in place: above the accounts its head (wording, historical
 * date (read by the server, which says clearly when it cannot read it), people and places, the
 * credibility of the claim as a whole); below them the verdict, written having weighed them (the
 * head stays short so the accounts' quotes are in sight). Each change is saved at once and can be
 * undone.
 */
import type { ApiInput } from '../../../shared/api';
import { CREDIBILITY_WORDING } from '../../../shared/annotations';
import type { Claim, HistoricalDate } from '../../../shared/claims';
import { CREDIBILITIES } from '../assessment/grades';
import { problemOf, useFailure } from '../state/errors';
import { useSnapshot, useStores } from '../state/store-context';
import { allPeople, allPlaces, type Agreement } from './claim-facts';
import { ChipsField, InlineText } from './fields';
import { AgreementBadge } from './StanceMark';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function day(iso: string): string {
  const [year, month, date] = iso.split('-').map(Number);
  return `${date} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** How the server read a date, in words: "8 Nov 1932", "1 Jan 1932 – 31 Dec 1933, approximately". */
export function dateReading(date: HistoricalDate): string {
  const range = date.from === date.to ? day(date.from) : `${day(date.from)} – ${day(date.to)}`;
  return `${range}${date.circa ? ', approximately' : ''}`;
}

interface EditorProps {
  readonly claim: Claim;
  readonly agreement: Agreement;
  /** Shown beside the agreement in the top line (the accounts' stances): one line less above the accounts. */
  readonly children?: React.ReactNode;
}

export function ClaimEditor({ claim, agreement, children }: EditorProps) {
  const store = useStores().claims;
  const { claims } = useSnapshot(store);
  const { failure, attempt } = useFailure();

  const update = (input: Omit<ApiInput<'updateClaim'>, 'id'>) => problemOf(store.updateClaim({ id: claim.id, ...input }));

  return (
    <section className="claim-editor" aria-label="The claim">
      <div className="claim-editor-top">
        <InlineText
          className="claim-head-wording"
          label="Wording"
          hideLabel
          value={claim.wording}
          required
          multiline
          rows={1}
          placeholder="What the sources are said to tell"
          onCommit={(wording) => update({ wording })}
        />
        <AgreementBadge agreement={agreement} />
        {children}
        <button
          type="button"
          className="tool danger"
          title="Delete the claim (its highlights stay; undo brings it back)"
          onClick={() => void attempt(store.deleteClaim(claim.id))}
        >
          Delete claim
        </button>
      </div>
      <div className="claim-fields">
        <InlineText
          className="claim-date"
          label="Date"
          value={claim.date?.text ?? ''}
          placeholder="8 November 1932, 1932–33, c. 1932"
          hint={claim.date ? `Read as ${dateReading(claim.date)}` : 'Not dated: the claim stands apart on the timeline'}
          onCommit={(text) => update({ date: text.trim() === '' ? null : text })}
        />
        <ChipsField label="People" noun="person" values={claim.people} suggestions={allPeople(claims)} onChange={(people) => update({ people })} />
        <ChipsField label="Places" noun="place" values={claim.places} suggestions={allPlaces(claims)} onChange={(places) => update({ places })} />
        <label className="inline-field claim-credibility">
          <span className="inline-label">Credibility of the claim</span>
          <select
            value={claim.credibility ?? ''}
            onChange={(event) => void attempt(store.updateClaim({ id: claim.id, credibility: event.target.value ? Number(event.target.value) : null }))}
          >
            <option value="">Not rated</option>
            {CREDIBILITIES.map((value) => (
              <option key={value} value={value}>
                {value} — {CREDIBILITY_WORDING[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {failure && (
        <p className="claim-field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

/** The verdict on the claim, under its accounts. */
export function ClaimVerdict({ claim }: { claim: Claim }) {
  const store = useStores().claims;
  return (
    <section className="claim-verdict-section" aria-label="Your verdict">
      <InlineText
        className="claim-verdict"
        label="Verdict"
        value={claim.verdict}
        multiline
        rows={1}
        placeholder="Your judgement of the claim, having weighed the accounts"
        onCommit={(verdict) => problemOf(store.updateClaim({ id: claim.id, verdict }))}
      />
    </section>
  );
}
