/** The stance as a radio group: symbol, word and what it means, so nothing rests on colour. */
import { useId } from 'react';
import { STANCE_ORDER, STANCES, type Stance } from '../../../shared/claims';

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
