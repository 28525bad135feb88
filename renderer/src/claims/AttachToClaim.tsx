/**
 * "Claim…" in the annotation toolbar: tells a highlight as an account of a claim. At the top, the
 * claims the passage is already an account of (stance and note changeable, detach, compare).
 * Below, a search over the existing claims (wording, people, places, date as written; best
 * matches first; arrow keys and Enter) ending in "New claim": its wording is written by the user
 * (empty to begin with, the passage shown above it to read from: a quote is not a claim). Then
 * the stance (supports, contradicts, qualifies, mentions: symbol, word and what it means) and a
 * note on what differs. Attaching, or making the claim together with its first account, is one
 * change, undone with one undo. An error from the server is shown next to the field it is about,
 * and what was typed stays.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/annotations';
import { STANCES, type Claim, type Stance } from '../../../shared/claims';
import { toolbarActionOf } from '../annotations/keys';
import { fieldOf, messageOf } from '../state/errors';
import { useStores } from '../state/store-context';
import { AttachedAccountRow, accountsOf } from './AttachedAccountRow';
import { ClaimFacts } from './ClaimFacts';
import { ClaimFormField, FieldError, type ClaimFormErrors } from './ClaimFormField';
import { ClaimSearchList } from './ClaimSearchList';
import { errorField, rankClaims, splitNames } from './claim-search';
import { StanceChoice } from './StanceChoice';
import './attach-to-claim.css';

interface Props {
  /** The highlight to tell as an account. */
  readonly annotation: Annotation;
  /** Every claim, as the store has them. */
  readonly claims: readonly Claim[];
  /** Closes this panel (the toolbar stays). */
  readonly onClose: () => void;
}

type Mode = { readonly kind: 'search' } | { readonly kind: 'attach'; readonly claimId: string } | { readonly kind: 'new' };

/** How many matches the list shows at most (the search narrows it down). */
const MAX_SHOWN = 30;

/** A failed change's message, put next to the field it is about (or under the form). */
function errorsOf(error: unknown): ClaimFormErrors {
  const message = messageOf(error);
  return { [errorField(message, fieldOf(error)) ?? 'form']: message };
}

export function AttachToClaim({ annotation, claims, onClose }: Props) {
  const store = useStores().claims;
  const [mode, setMode] = useState<Mode>({ kind: 'search' });
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [stance, setStance] = useState<Stance>('supports');
  const [note, setNote] = useState('');
  const [wording, setWording] = useState('');
  const [date, setDate] = useState('');
  const [people, setPeople] = useState('');
  const [places, setPlaces] = useState('');
  const [errors, setErrors] = useState<ClaimFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const id = useId();

  const accounts = useMemo(() => accountsOf(claims, annotation.id), [claims, annotation.id]);
  const attached = useMemo(() => new Set(accounts.map(({ claim }) => claim.id)), [accounts]);
  const matches = useMemo(() => rankClaims(claims, query, attached).slice(0, MAX_SHOWN), [claims, query, attached]);
  const current = Math.min(active, matches.length);
  const chosen = mode.kind === 'attach' ? (claims.find((claim) => claim.id === mode.claimId) ?? null) : null;

  // The chosen claim went away (undone, deleted elsewhere): back to the search.
  useEffect(() => {
    if (mode.kind === 'attach' && !chosen) setMode({ kind: 'search' });
  }, [mode, chosen]);

  // Each step starts with the caret where one types next.
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    if (mode.kind === 'search') searchInput.current?.focus();
    else if (mode.kind === 'new') element.querySelector<HTMLElement>('.claim-wording')?.focus();
    else element.querySelector<HTMLInputElement>('.stance-choice input:checked')?.focus();
  }, [mode]);

  const start = (next: Mode) => {
    setErrors({});
    if (next.kind !== 'search') setStatus('');
    setMode(next);
  };
  const choose = (index: number) => {
    const claim = matches[index];
    start(claim ? { kind: 'attach', claimId: claim.id } : { kind: 'new' });
  };

  const done = (claim: Claim, verb: string) => {
    setStatus(`${verb} “${claim.wording}” as ${STANCES[stance].label.toLowerCase()} (${STANCES[stance].symbol}).`);
    setNote('');
    setStance('supports');
    setQuery('');
    setActive(0);
    setMode({ kind: 'search' });
  };

  /** Attaches to the chosen claim, or makes the new one with this first account; one change either way. */
  const save = async (): Promise<void> => {
    const account = { annotationId: annotation.id, stance, note: note.trim() };
    if (mode.kind === 'attach' && chosen) {
      done(await store.attachAccount({ claimId: chosen.id, ...account }), 'Attached to');
    } else if (mode.kind === 'new') {
      const claim = await store.createClaim({
        wording: wording.trim(),
        date: date.trim() || null,
        people: splitNames(people),
        places: splitNames(places),
        account,
      });
      setWording('');
      setDate('');
      setPeople('');
      setPlaces('');
      done(claim, 'New claim');
    }
  };

  const submit = async () => {
    if (busy) return;
    if (mode.kind === 'new' && !wording.trim()) {
      setErrors({ wording: 'The claim needs a wording.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await save();
    } catch (error) {
      // What was typed stays; the caret goes to the field at fault.
      setErrors(errorsOf(error));
      requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (mode.kind !== 'search') start({ kind: 'search' });
      else if (query) setQuery('');
      else onClose();
      return;
    }
    // The toolbar's one-key shortcuts (colours, grades, Delete) are not for a focused radio or button here.
    if (toolbarActionOf(event.nativeEvent)) event.stopPropagation();
  };

  const onFormKeyDown = (event: React.KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLButtonElement) return;
    // Enter saves from any field (in the wording too: Shift+Enter makes a new line there).
    event.preventDefault();
    void submit();
  };

  const field = { errors, formId: id };
  return (
    <div ref={root} className="attach-claim" role="group" aria-label="Claim" onKeyDown={onKeyDown}>
      {accounts.length > 0 && (
        <section className="claim-accounts" aria-label="Claims this passage is an account of">
          <h3 className="claim-heading">An account of</h3>
          <ul>
            {accounts.map(({ claim, account }) => (
              <AttachedAccountRow key={account.id} claim={claim} account={account} />
            ))}
          </ul>
        </section>
      )}
      {status && (
        <p className="claim-status" role="status">
          {status}
        </p>
      )}

      {mode.kind === 'search' && (
        <ClaimSearchList
          id={id}
          inputRef={searchInput}
          query={query}
          onQuery={(next) => {
            setQuery(next);
            setActive(0);
          }}
          matches={matches}
          current={current}
          onActive={setActive}
          onChoose={choose}
        />
      )}

      {mode.kind !== 'search' && (
        <form
          className="claim-form"
          aria-label={mode.kind === 'new' ? 'New claim' : 'Attach to the claim'}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          onKeyDown={onFormKeyDown}
        >
          {chosen && (
            <div className="claim-chosen">
              <span className="claim-option-wording">{chosen.wording}</span>
              <ClaimFacts claim={chosen} />
            </div>
          )}
          {mode.kind === 'new' && (
            <>
              <figure className="claim-passage" aria-label="The passage">
                <blockquote>{annotation.quote.exact}</blockquote>
              </figure>
              <ClaimFormField label="Wording" field="wording" {...field}>
                {(invalid) => (
                  <textarea
                    className="claim-wording"
                    rows={2}
                    value={wording}
                    placeholder="What the passage tells, in your words"
                    onChange={(event) => setWording(event.target.value)}
                    {...invalid}
                  />
                )}
              </ClaimFormField>
              <ClaimFormField label="Date" field="date" {...field}>
                {(invalid) => (
                  <input
                    type="text"
                    value={date}
                    placeholder="8 November 1932 · 1932–33 · c. 1932"
                    onChange={(event) => setDate(event.target.value)}
                    {...invalid}
                  />
                )}
              </ClaimFormField>
              <ClaimFormField label="People" field="people" {...field}>
                {(invalid) => (
                  <input type="text" value={people} placeholder="separated by commas" onChange={(event) => setPeople(event.target.value)} {...invalid} />
                )}
              </ClaimFormField>
              <ClaimFormField label="Places" field="places" {...field}>
                {(invalid) => (
                  <input type="text" value={places} placeholder="separated by commas" onChange={(event) => setPlaces(event.target.value)} {...invalid} />
                )}
              </ClaimFormField>
            </>
          )}
          <StanceChoice name={`${id}-stance`} value={stance} onChange={setStance} />
          <FieldError field="stance" {...field} />
          <ClaimFormField label="What differs" field="note" {...field}>
            {(invalid) => (
              <input type="text" value={note} placeholder="e.g. date: 1931 vs 1932" onChange={(event) => setNote(event.target.value)} {...invalid} />
            )}
          </ClaimFormField>
          {errors.form && (
            <p className="claim-field-error" role="alert">
              {errors.form}
            </p>
          )}
          <div className="claim-buttons">
            <button type="submit" className="tool primary" disabled={busy} aria-busy={busy}>
              {mode.kind === 'new' ? 'Create claim' : 'Attach'}
            </button>
            <button type="button" className="tool" onClick={() => start({ kind: 'search' })}>
              Back
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
