/**
 * "Claim…" in the annotation toolbar: tells a highlight as an account of a claim. At the top, the
 * claims the passage is already an account of (stance and note changeable, detach, compare).
 * Below, a search over the existing claims (wording, people, places, date as written; best
 * matches first; arrow keys and Enter) ending in "New claim", which starts from the quote. Then
 * the stance (supports, contradicts, qualifies, mentions: symbol, word and what it means) and a
 * note on what differs. Attaching, or making the claim together with its first account, is one
 * change, undone with one undo. An error from the server is shown next to the field it is about,
 * and what was typed stays.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/annotations';
import { STANCE_ORDER, STANCES, type Account, type Claim, type Stance } from '../../../shared/claims';
import { toolbarActionOf } from '../annotations/keys';
import type { AnnotationStore } from '../state/annotation-store';
import { CLAIM_SIGN } from './claim-marks';
import { StanceOptions } from './StanceMark';
import { errorField, rankClaims, splitNames, type ClaimField } from './claim-search';
import './attach-to-claim.css';

interface Props {
  readonly store: AnnotationStore;
  /** The highlight to tell as an account. */
  readonly annotation: Annotation;
  /** Every claim, as the store has them. */
  readonly claims: readonly Claim[];
  /** Closes this panel (the toolbar stays). */
  readonly onClose: () => void;
}

type Mode = { readonly kind: 'search' } | { readonly kind: 'attach'; readonly claimId: string } | { readonly kind: 'new' };
type Errors = Partial<Record<ClaimField | 'form', string>>;

/** How many matches the list shows at most (the search narrows it down). */
const MAX_SHOWN = 30;

export function AttachToClaim({ store, annotation, claims, onClose }: Props) {
  const [mode, setMode] = useState<Mode>({ kind: 'search' });
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [stance, setStance] = useState<Stance>('supports');
  const [note, setNote] = useState('');
  const [wording, setWording] = useState(() => quoteAsWording(annotation.quote.exact));
  const [date, setDate] = useState('');
  const [people, setPeople] = useState('');
  const [places, setPlaces] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const id = useId();

  const accounts = useMemo(() => accountsOf(claims, annotation.id), [claims, annotation.id]);
  const attached = useMemo(() => new Set(accounts.map(({ claim }) => claim.id)), [accounts]);
  const matches = useMemo(() => rankClaims(claims, query, attached).slice(0, MAX_SHOWN), [claims, query, attached]);
  /** The list: matching claims, then "New claim". */
  const optionCount = matches.length + 1;
  const current = Math.min(active, optionCount - 1);
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

  const startAttach = (claimId: string) => {
    setErrors({});
    setStatus('');
    setMode({ kind: 'attach', claimId });
  };
  const startNew = () => {
    setErrors({});
    setStatus('');
    setMode({ kind: 'new' });
  };
  const backToSearch = () => {
    setErrors({});
    setMode({ kind: 'search' });
  };
  const choose = (index: number) => {
    const claim = matches[index];
    if (claim) startAttach(claim.id);
    else startNew();
  };

  /** The store's error of the change just made, put next to its field (and taken from the toolbar). */
  const takeError = (): Errors => {
    const { error, errorField: field } = store.getSnapshot();
    const message = error ?? 'The change could not be saved.';
    if (error) store.clearError();
    return { [errorField(message, field) ?? 'form']: message };
  };

  const focusError = () =>
    requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const done = (claim: Claim, verb: string) => {
    setStatus(`${verb} “${claim.wording}” as ${STANCES[stance].label.toLowerCase()} (${STANCES[stance].symbol}).`);
    setNote('');
    setStance('supports');
    setQuery('');
    setActive(0);
    setMode({ kind: 'search' });
  };

  const submit = async () => {
    if (busy) return;
    setErrors({});
    const account = { annotationId: annotation.id, stance, note: note.trim() };
    setBusy(true);
    try {
      if (mode.kind === 'attach' && chosen) {
        const claim = await store.attachAccount({ claimId: chosen.id, ...account });
        if (claim) done(claim, 'Attached to');
        else {
          setErrors(takeError());
          focusError();
        }
      } else if (mode.kind === 'new') {
        if (!wording.trim()) {
          setErrors({ wording: 'The claim needs a wording.' });
          return;
        }
        const claim = await store.createClaim({
          wording: wording.trim(),
          date: date.trim() || null,
          people: splitNames(people),
          places: splitNames(places),
          account,
        });
        if (claim) {
          setWording(quoteAsWording(annotation.quote.exact));
          setDate('');
          setPeople('');
          setPlaces('');
          done(claim, 'New claim');
        } else {
          setErrors(takeError());
          focusError();
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const onSearchKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((current + 1) % optionCount);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((current - 1 + optionCount) % optionCount);
        break;
      case 'Home':
      case 'End':
        if (!event.ctrlKey) break;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : optionCount - 1);
        break;
      case 'Enter':
        event.preventDefault();
        choose(current);
        break;
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (mode.kind !== 'search') backToSearch();
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

  const fieldError = (field: ClaimField) =>
    errors[field] ? (
      <p className="claim-field-error" id={`${id}-${field}-error`} role="alert">
        {errors[field]}
      </p>
    ) : null;
  const invalid = (field: ClaimField) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {};

  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div ref={root} className="attach-claim" role="group" aria-label="Claim" onKeyDown={onKeyDown}>
      {accounts.length > 0 && (
        <section className="claim-accounts" aria-label="Claims this passage is an account of">
          <h3 className="claim-heading">An account of</h3>
          <ul>
            {accounts.map(({ claim, account }) => (
              <AccountRow key={account.id} store={store} claim={claim} account={account} />
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
        <div className="claim-search">
          <input
            ref={searchInput}
            className="claim-search-input"
            type="search"
            role="combobox"
            aria-label="Find a claim"
            aria-autocomplete="list"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={optionId(current)}
            placeholder="Find a claim: words, people, places, date"
            value={query}
            spellCheck={false}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onSearchKeyDown}
          />
          <ul id={listId} role="listbox" aria-label="Matching claims" className="claim-options">
            {matches.map((claim, index) => (
              <li
                key={claim.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === current}
                // Mouse down, not click: the search box keeps the focus until the next step takes it.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(index);
                }}
                onMouseEnter={() => setActive(index)}
              >
                <span className="claim-option-wording">{claim.wording}</span>
                <ClaimFacts claim={claim} />
              </li>
            ))}
            {matches.length === 0 && query.trim() !== '' && (
              <li className="claim-none" role="presentation">
                No claim matches “{query.trim()}”.
              </li>
            )}
            <li
              id={optionId(matches.length)}
              role="option"
              aria-selected={current === matches.length}
              className="claim-new-option"
              onMouseDown={(event) => {
                event.preventDefault();
                startNew();
              }}
              onMouseEnter={() => setActive(matches.length)}
            >
              New claim from this passage…
            </li>
          </ul>
        </div>
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
              <label className="claim-field">
                <span>Wording</span>
                <textarea
                  className="claim-wording"
                  rows={2}
                  value={wording}
                  onChange={(event) => setWording(event.target.value)}
                  {...invalid('wording')}
                />
              </label>
              {fieldError('wording')}
              <label className="claim-field">
                <span>Date</span>
                <input
                  type="text"
                  value={date}
                  placeholder="8 November 1932 · 1932–33 · c. 1932"
                  onChange={(event) => setDate(event.target.value)}
                  {...invalid('date')}
                />
              </label>
              {fieldError('date')}
              <label className="claim-field">
                <span>People</span>
                <input
                  type="text"
                  value={people}
                  placeholder="separated by commas"
                  onChange={(event) => setPeople(event.target.value)}
                  {...invalid('people')}
                />
              </label>
              {fieldError('people')}
              <label className="claim-field">
                <span>Places</span>
                <input
                  type="text"
                  value={places}
                  placeholder="separated by commas"
                  onChange={(event) => setPlaces(event.target.value)}
                  {...invalid('places')}
                />
              </label>
              {fieldError('places')}
            </>
          )}
          <StanceChoice name={`${id}-stance`} value={stance} onChange={setStance} />
          {fieldError('stance')}
          <label className="claim-field">
            <span>What differs</span>
            <input
              type="text"
              value={note}
              placeholder="e.g. date: 1931 vs 1932"
              onChange={(event) => setNote(event.target.value)}
              {...invalid('note')}
            />
          </label>
          {fieldError('note')}
          {errors.form && (
            <p className="claim-field-error" role="alert">
              {errors.form}
            </p>
          )}
          <div className="claim-buttons">
            <button type="submit" className="tool primary" disabled={busy} aria-busy={busy}>
              {mode.kind === 'new' ? 'Create claim' : 'Attach'}
            </button>
            <button type="button" className="tool" onClick={backToSearch}>
              Back
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** The stance as a radio group: symbol, word and what it means, so nothing rests on colour. */
export function StanceChoice({ name, value, onChange }: { name: string; value: Stance; onChange: (stance: Stance) => void }) {
  const legend = useId();
  return (
    <fieldset className="stance-choice" role="radiogroup" aria-labelledby={legend}>
      <legend id={legend}>Stance</legend>
      {STANCE_ORDER.map((stance) => (
        <label key={stance} className="stance-option" data-stance={stance}>
          <input type="radio" name={name} value={stance} checked={value === stance} onChange={() => onChange(stance)} />
          <span className="stance-symbol" aria-hidden="true">
            {STANCES[stance].symbol}
          </span>
          <span className="stance-word">{STANCES[stance].label}</span>
          <span className="stance-description">{STANCES[stance].description}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A claim's date, people and places, and how many accounts it has, in one quiet line. */
function ClaimFacts({ claim }: { claim: Claim }) {
  const facts = [
    claim.date?.text,
    [...claim.people, ...claim.places].join(', '),
    `${claim.accounts.length} account${claim.accounts.length === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return <span className="claim-facts">{facts.join(' · ')}</span>;
}

/** One claim the passage is already an account of: stance and note changeable, detach, compare. */
function AccountRow({ store, claim, account }: { store: AnnotationStore; claim: Claim; account: Account }) {
  const [note, setNote] = useState(account.note);
  const editing = useRef(false);
  // A note changed elsewhere (undo, the claims panel) shows here unless it is being typed.
  useEffect(() => {
    if (!editing.current) setNote(account.note);
  }, [account.note]);
  const saveNote = () => {
    editing.current = false;
    if (note !== account.note) void store.updateAccount({ id: account.id, note });
  };
  return (
    <li className="claim-account" data-claim-id={claim.id} data-stance={account.stance}>
      <span className="claim-account-symbol" aria-hidden="true">
        {CLAIM_SIGN}
        {STANCES[account.stance].symbol}
      </span>
      <button
        type="button"
        className="link claim-account-wording"
        title="Compare the accounts of this claim"
        onClick={() => store.showClaims({ claimId: claim.id, view: 'compare' })}
      >
        {claim.wording}
      </button>
      <select
        aria-label={`Stance toward “${claim.wording}”`}
        value={account.stance}
        title={STANCES[account.stance].description}
        onChange={(event) => void store.updateAccount({ id: account.id, stance: event.target.value as Stance })}
      >
        <StanceOptions />
      </select>
      <input
        type="text"
        className="claim-account-note"
        aria-label={`What differs from “${claim.wording}”`}
        placeholder="What differs"
        value={note}
        onChange={(event) => {
          editing.current = true;
          setNote(event.target.value);
        }}
        onBlur={saveNote}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            saveNote();
          }
        }}
      />
      <button type="button" className="tool claim-detach" aria-label={`Detach from “${claim.wording}”`} onClick={() => void store.detachAccount(account.id)}>
        Detach
      </button>
    </li>
  );
}

/** The claims a highlight is an account of, with the account. */
function accountsOf(claims: readonly Claim[], annotationId: string): { claim: Claim; account: Account }[] {
  const found: { claim: Claim; account: Account }[] = [];
  for (const claim of claims) for (const account of claim.accounts) if (account.annotationId === annotationId) found.push({ claim, account });
  return found;
}

/** The quote as a first wording: one line, at most the length a wording may have. */
function quoteAsWording(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim().slice(0, 2_000);
}
