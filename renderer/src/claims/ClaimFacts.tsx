/** A claim's date, people and places, and how many accounts it has, in one quiet line (search results, the chosen claim). */
import type { Claim } from '../../../shared/claims';

export function ClaimFacts({ claim }: { claim: Claim }) {
  const facts = [
    claim.date?.text,
    [...claim.people, ...claim.places].join(', '),
    `${claim.accounts.length} account${claim.accounts.length === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return <span className="claim-facts">{facts.join(' · ')}</span>;
}
