/**
 * "Attach to claim" on a suggested passage. When the claim is plain (the one the suggestions were
 * asked for, or the one the passage they start from is an account of) it is one click, with the
 * stance chosen beside it ("mentions" unless changed): the passage is highlighted (unless it
 * already is) and attached. Otherwise the passage is highlighted and the toolbar's own "Claim…"
 * panel opens here to find a claim or make a new one.
 */
import { useId, useState } from 'react';
import { STANCE_ORDER, STANCES, type Claim, type Stance } from '../../../shared/claims';
import type { Annotation } from '../../../shared/annotations';
import type { Suggestion } from '../../../shared/search';
import { AttachToClaim } from '../claims/AttachToClaim';
import { messageOf } from '../state/errors';
import { useSnapshot, useStores } from '../state/store-context';
import { highlightOf } from './suggestion-claims';

interface Props {
  readonly suggestion: Suggestion;
  /** The claims the passage is most likely wanted for (may be none). */
  readonly candidates: readonly Claim[];
}

export function AttachSuggestion({ suggestion, candidates }: Props) {
  const { annotations: annotationStore, claims: claimStore } = useStores();
  const { claims } = useSnapshot(claimStore);
  const { annotations } = useSnapshot(annotationStore);
  const [claimId, setClaimId] = useState(candidates[0]?.id ?? '');
  const [stance, setStance] = useState<Stance>('mentions');
  const [picking, setPicking] = useState<Annotation | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const chosen = candidates.find((claim) => claim.id === claimId) ?? candidates[0] ?? null;
  const existing = highlightOf(annotations, suggestion.versionId, suggestion.passage);
  const alreadyTold = chosen !== null && existing !== null && chosen.accounts.some((account) => account.annotationId === existing.id);

  /** The passage's highlight: the one it has (its document may not be open), or a new one. */
  const highlight = async (): Promise<Annotation> =>
    highlightOf(await annotationStore.ofDocument(suggestion.documentId), suggestion.versionId, suggestion.passage) ??
    annotationStore.create({ versionId: suggestion.versionId, start: suggestion.passage.start, end: suggestion.passage.end, color: 'yellow' });

  const run = async (change: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await change();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const attach = () =>
    run(async () => {
      if (!chosen) return;
      const annotation = await highlight();
      const claim = await claimStore.attachAccount({ claimId: chosen.id, annotationId: annotation.id, stance, note: '' });
      setStatus(`Attached to “${claim.wording}” as ${STANCES[stance].label.toLowerCase()} (${STANCES[stance].symbol}).`);
    });

  const pick = () => run(async () => setPicking(await highlight()));

  // The highlight made for the picker was undone or deleted: the picker has nothing to attach.
  const pickingGone = picking !== null && !annotations.some((a) => a.id === picking.id);

  return (
    <div className="attach-suggestion">
      {chosen ? (
        <div className="attach-row" role="group" aria-label="Attach to claim">
          {candidates.length > 1 && (
            <select aria-label="Claim" value={chosen.id} onChange={(event) => setClaimId(event.target.value)}>
              {candidates.map((claim) => (
                <option key={claim.id} value={claim.id}>
                  {claim.wording}
                </option>
              ))}
            </select>
          )}
          <label className="visually-hidden" htmlFor={`${id}-stance`}>
            Stance
          </label>
          <select id={`${id}-stance`} value={stance} onChange={(event) => setStance(event.target.value as Stance)}>
            {STANCE_ORDER.map((value) => (
              <option key={value} value={value}>
                {STANCES[value].symbol} {STANCES[value].label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="tool primary"
            disabled={busy || alreadyTold}
            aria-busy={busy}
            title={`Highlight the passage and attach it to “${chosen.wording}” as ${STANCES[stance].label.toLowerCase()}`}
            onClick={() => void attach()}
          >
            {alreadyTold ? 'Attached' : 'Attach to claim'}
          </button>
        </div>
      ) : (
        !picking && (
          <button type="button" className="tool" disabled={busy} title="Highlight the passage, then find a claim for it or make a new one" onClick={() => void pick()}>
            Attach to claim…
          </button>
        )
      )}
      {picking && !pickingGone && <AttachToClaim annotation={picking} claims={claims} onClose={() => setPicking(null)} />}
      {status && (
        <p className="suggestion-status" role="status">
          {status}
        </p>
      )}
      {failure && (
        <p className="suggestion-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
