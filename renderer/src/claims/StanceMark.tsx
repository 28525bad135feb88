/**
 * A stance as the views show it: a symbol and a colour, with the word as its accessible name
 * (and tooltip), so it reads the same without colour. And the legend, and the agreed/disputed mark.
 */
import { STANCE_ORDER, STANCES, type Stance } from '../../../shared/claims';
import type { Agreement } from './claim-facts';

export function StanceMark({ stance, source, withWord }: { stance: Stance; source?: string; withWord?: boolean }) {
  const { label, symbol } = STANCES[stance];
  const name = source ? `${source}: ${label.toLowerCase()}` : label;
  if (withWord) {
    return (
      <span className={`stance stance-${stance} with-word`} title={name}>
        <span aria-hidden="true" className="stance-mark-symbol">
          {symbol}
        </span>{' '}
        {label}
      </span>
    );
  }
  return (
    <span className={`stance stance-${stance}`} role="img" aria-label={name} title={name}>
      {symbol}
    </span>
  );
}

/** The stances as options of a select, each with its symbol (the select is read without colour). */
export function StanceOptions() {
  return (
    <>
      {STANCE_ORDER.map((stance) => (
        <option key={stance} value={stance} title={STANCES[stance].description}>
          {STANCES[stance].symbol} {STANCES[stance].label}
        </option>
      ))}
    </>
  );
}

export function StanceLegend() {
  return (
    <dl className="stance-legend" aria-label="Legend">
      {STANCE_ORDER.map((stance) => (
        <div key={stance} title={STANCES[stance].description}>
          <dt>
            <span className={`stance stance-${stance}`} aria-hidden="true">
              {STANCES[stance].symbol}
            </span>
          </dt>
          <dd>{STANCES[stance].label}</dd>
        </div>
      ))}
    </dl>
  );
}

const AGREEMENT: Record<Agreement['state'], { symbol: string; label: string }> = {
  agreed: { symbol: '=', label: 'Agreed' },
  disputed: { symbol: '≠', label: 'Disputed' },
  unattested: { symbol: '∅', label: 'No accounts' },
};

export function AgreementBadge({ agreement }: { agreement: Agreement }) {
  const { symbol, label } = AGREEMENT[agreement.state];
  const why = agreement.reasons.join('; ');
  return (
    <span className={`agreement agreement-${agreement.state}`} title={why || label} data-agreement={agreement.state}>
      <span aria-hidden="true" className="agreement-symbol">
        {symbol}
      </span>{' '}
      {label}
      {why && <span className="visually-hidden">: {why}</span>}
    </span>
  );
}
