/**
 * Which annotations go into the export, chosen as in the sidebar: sources, tags of the codebook,
 * colours, credibility, words in the quote or note, and whether orphans come along.
 */
import { useMemo } from 'react';
import { CREDIBILITY_WORDING, type HighlightColor, type Tag } from '../../../shared/annotations';
import { type DocumentSummary, displayTitle } from '../../../shared/domain';
import type { ExportFilter } from '../../../shared/export';
import { COLOR_NAMES, COLORS } from '../annotations/keys';
import { CREDIBILITIES } from '../assessment/grades';
import { buildTagTree, flattenTree } from '../codebook/tag-tree';
import { CheckboxGroup, type Choice } from './CheckboxGroup';
import { toggled } from './export-filter';

interface Props {
  readonly filter: ExportFilter;
  readonly onFilter: (filter: ExportFilter) => void;
  readonly documents: readonly DocumentSummary[];
  readonly tags: readonly Tag[];
  readonly disabled: boolean;
}

const COLOR_CHOICES: readonly Choice<HighlightColor>[] = COLORS.map((color) => ({
  value: color,
  label: COLOR_NAMES[color],
  adornment: <span className="swatch" data-color={color} aria-hidden="true" />,
}));

const CREDIBILITY_CHOICES: readonly Choice<number | null>[] = [
  ...CREDIBILITIES.map((grade) => ({ value: grade, label: `${grade} — ${CREDIBILITY_WORDING[grade]}` })),
  { value: null, label: 'Not rated', key: 'none' },
];

export function ExportFilterFields({ filter, onFilter, documents, tags, disabled }: Props) {
  const documentChoices = useMemo(() => documents.map((document) => ({ value: document.id, label: displayTitle(document) })), [documents]);
  const tagChoices = useMemo(
    () => flattenTree(buildTagTree(tags)).map((node) => ({ value: node.tag.id, label: node.tag.name, depth: node.depth })),
    [tags],
  );
  const change = (patch: Partial<ExportFilter>) => onFilter({ ...filter, ...patch });

  return (
    <div className="export-filter" role="group" aria-label="Which annotations">
      <label className="field">
        Words in the quote or note
        <input
          type="search"
          value={filter.text ?? ''}
          placeholder="any"
          maxLength={1000}
          disabled={disabled}
          onChange={(event) => change({ text: event.target.value })}
        />
      </label>
      <CheckboxGroup
        legend="Sources"
        choices={documentChoices}
        chosen={filter.documentIds ?? []}
        onChange={(id, on) => change({ documentIds: toggled(filter.documentIds, id, on) })}
        onClear={() => change({ documentIds: [] })}
        disabled={disabled}
        layout="scrolling"
      />
      <CheckboxGroup
        legend="Tags"
        choices={tagChoices}
        chosen={filter.tagIds ?? []}
        onChange={(id, on) => change({ tagIds: toggled(filter.tagIds, id, on) })}
        onClear={() => change({ tagIds: [] })}
        disabled={disabled}
        layout="scrolling"
        empty="The codebook has no tags yet."
      />
      <CheckboxGroup
        legend="Colours"
        choices={COLOR_CHOICES}
        chosen={filter.colors ?? []}
        onChange={(color, on) => change({ colors: toggled(filter.colors, color, on) })}
        onClear={() => change({ colors: [] })}
        disabled={disabled}
        layout="columns"
      />
      <CheckboxGroup
        legend="Credibility"
        choices={CREDIBILITY_CHOICES}
        chosen={filter.credibility ?? []}
        onChange={(grade, on) => change({ credibility: toggled(filter.credibility, grade, on) })}
        onClear={() => change({ credibility: [] })}
        disabled={disabled}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filter.includeOrphans ?? false}
          disabled={disabled}
          onChange={(event) => change({ includeOrphans: event.target.checked })}
        />
        Include orphans (highlights whose text is gone from the current version)
      </label>
    </div>
  );
}
