/**
 * File → Back up project…: a copy of the project file made with SQLite's online backup, so it
 * can be taken while the workbench is open and working. By default it goes to the Backups
 * folder beside the project; a path can be typed instead.
 */
import { useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import { fieldOf, messageOf } from '../state/errors';
import { Dialog } from '../workspace/Dialog';
import { sizeOf } from './export-job';
import './export.css';

interface Props {
  readonly client: ApiClient;
  readonly onClose: () => void;
}

type Where = 'backups' | 'path';

export function BackupDialog({ client, onClose }: Props) {
  const [where, setWhere] = useState<Where>('backups');
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ path: string; bytes: number } | null>(null);
  const [error, setError] = useState<{ message: string; atPath: boolean } | null>(null);

  const backUp = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await client.backupProject(where === 'path' ? { path: path.trim() } : {}));
    } catch (reason) {
      setError({ message: messageOf(reason), atPath: where === 'path' && fieldOf(reason) === 'path' });
    } finally {
      setBusy(false);
    }
  };

  const canBackUp = !busy && (where === 'backups' || path.trim() !== '');
  return (
    <Dialog title="Back up project" onClose={onClose} className="backup-dialog" describedBy="backup-explanation">
      <p id="backup-explanation" className="muted">
        Copies the whole project (sources, highlights, notes, claims, codebook) into one file, while the workbench stays open. The copy
        opens like any project.
      </p>
      <fieldset className="backup-where" disabled={busy}>
        <legend>Where</legend>
        <label className="checkbox">
          <input type="radio" name="backup-where" checked={where === 'backups'} onChange={() => setWhere('backups')} />
          In the Backups folder beside the project (a new dated file)
        </label>
        <label className="checkbox">
          <input type="radio" name="backup-where" checked={where === 'path'} onChange={() => setWhere('path')} />
          To this file:
        </label>
        <input
          className="backup-path"
          aria-label="Backup file path"
          aria-invalid={error?.atPath || undefined}
          aria-describedby={error?.atPath ? 'backup-error' : undefined}
          value={path}
          placeholder="/path/to/copy.sourcebench"
          disabled={where !== 'path'}
          onChange={(event) => setPath(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && canBackUp && void backUp()}
        />
      </fieldset>
      {busy && <p className="muted">Backing up…</p>}
      {done && (
        <p className="backup-done" role="status">
          Backed up to <code>{done.path}</code> ({sizeOf(done.bytes)}).
        </p>
      )}
      {error && (
        <p id="backup-error" className="banner error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {done ? 'Close' : 'Cancel'}
        </button>
        <button type="button" className="primary" onClick={() => void backUp()} disabled={!canBackUp}>
          Back up
        </button>
      </div>
    </Dialog>
  );
}
