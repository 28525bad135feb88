/** One claim a passage is already an account of, in "Claim…": stance and note changeable, detach, compare. */
import { useEffect, useRef, useState } from 'react';
import { STANCES, type Account, type Claim, type Stance } from '../../../shared/claims';
import { useFailure } from '../state/errors';
import { useStores } from '../state/store-context';
import { CLAIM_SIGN } from './claim-marks';
import { StanceOptions } from './StanceMark';

export function AttachedAccountRow({ claim, account }: { claim: Claim; account: Account }) {
  const { claims, workspace } = useStores();
  const { failure, attempt } = useFailure();
  const [note, setNote] = useState(account.note);
  const editing = useRef(false);
  // A note changed elsewhere (undo, the claims panel) shows here unless it is being typed.
  useEffect(() => {
    if (!editing.current) setNote(account.note);
  }, [account.note]);
  const saveNote = () => {
    editing.current = false;
    if (note !== account.note) void attempt(claims.updateAccount({ id: account.id, note }));
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
        onClick={() => workspace.compareClaim(claim.id)}
      >
        {claim.wording}
      </button>
      <select
        aria-label={`Stance toward “${claim.wording}”`}
        value={account.stance}
        title={STANCES[account.stance].description}
        onChange={(event) => void attempt(claims.updateAccount({ id: account.id, stance: event.target.value as Stance }))}
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
      <button type="button" className="tool claim-detach" aria-label={`Detach from “${claim.wording}”`} onClick={() => void attempt(claims.detachAccount(account.id))}>
        Detach
      </button>
      {failure && (
        <p className="claim-field-error" role="alert">
          {failure}
        </p>
      )}
    </li>
  );
}

/** The claims a highlight is an account of, with the account. */
export function accountsOf(claims: readonly Claim[], annotationId: string): { claim: Claim; account: Account }[] {
  const found: { claim: Claim; account: Account }[] = [];
  for (const claim of claims) for (const account of claim.accounts) if (account.annotationId === annotationId) found.push({ claim, account });
  return found;
}
