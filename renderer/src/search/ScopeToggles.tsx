/** What the search looks through: the texts, notes, tag names, claims; at least one stays on. */
import type { SearchScope } from '../../../shared/search';

export const ALL_SCOPES: readonly SearchScope[] = ['text', 'notes', 'tags', 'claims'];
const LABELS: Record<SearchScope, string> = { text: 'Texts', notes: 'Notes', tags: 'Tags', claims: 'Claims' };

interface Props {
  readonly scopes: readonly SearchScope[];
  readonly onScopes: (scopes: SearchScope[]) => void;
}

export function ScopeToggles({ scopes, onScopes }: Props) {
  return (
    <div className="scope-toggles" role="group" aria-label="Search in">
      {ALL_SCOPES.map((scope) => {
        const on = scopes.includes(scope);
        return (
          <button
            key={scope}
            type="button"
            className="tool scope"
            aria-pressed={on}
            disabled={on && scopes.length === 1}
            title={on && scopes.length === 1 ? 'The search looks at least here' : undefined}
            onClick={() => onScopes(on ? scopes.filter((s) => s !== scope) : ALL_SCOPES.filter((s) => s === scope || scopes.includes(s)))}
          >
            {LABELS[scope]}
          </button>
        );
      })}
    </div>
  );
}
