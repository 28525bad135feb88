/** A tag's highlight colour as a select with its swatch, in the new-tag form and the tag editor. */
import { HighlightColor } from '../../../shared/annotations';

const COLORS = HighlightColor.options;

export function ColorSelect({ label, value, onChange }: { label: string; value: HighlightColor; onChange: (color: HighlightColor) => void }) {
  return (
    <label className="inline color-select">
      <span className="swatch" data-color={value} aria-hidden="true" />
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value as HighlightColor)}>
        {COLORS.map((color) => (
          <option key={color} value={color}>
            {color}
          </option>
        ))}
      </select>
    </label>
  );
}
