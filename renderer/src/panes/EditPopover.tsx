/** What the normalizer changed at a clicked place of the text: the reading, the raw form, why, and where in the raw file. */
import type { RawLocation, VersionContent } from '../../../shared/domain';
import { editLabel } from '../prosemirror/source-decorations';
import { describeLocation } from './raw-location';

interface Props {
  readonly content: VersionContent;
  readonly edit: VersionContent['edits'][number];
  /** Null until the server has located it. */
  readonly location: RawLocation | null;
  readonly onClose: () => void;
}

export function EditPopover({ content, edit, location, onClose }: Props) {
  return (
    <div className="edit-popover" role="dialog" aria-label="Edit made to the raw text">
      <strong>{editLabel(edit.kind)}</strong>
      <div>
        Reads: <q>{content.text.slice(edit.start, edit.end)}</q>
      </div>
      <div>
        Original: <code className="raw-form">{edit.raw}</code>
      </div>
      <div className="reason">{edit.reason}</div>
      {location && <div className="where">{describeLocation(location)}</div>}
      <button type="button" className="tool" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
