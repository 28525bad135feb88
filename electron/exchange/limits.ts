/**
 * An exchange file is held to the limits the API holds a user to (shared/limits.ts): a note, a
 * claim's accounts, a highlight's length, a document's title. Another tool, or a hand-edited
 * file, can carry far more; taken as it is, one such file could make the project unopenable. A
 * file over a limit is refused whole, saying where, before anything is written.
 */
import { utf8ByteLength } from '../../shared/anchoring/selectors';
import { MAX_ACCOUNTS_PER_CLAIM, MAX_HIGHLIGHT_LENGTH, MAX_NOTE_BYTES, MAX_TITLE_LENGTH } from '../../shared/limits';
import { ApiError } from '../../shared/errors';
import type { Snapshot } from '../app/change-history';

const number = (n: number) => n.toLocaleString('en');

function refuse(fileName: string, problem: string): never {
  throw new ApiError('invalid_input', `${fileName} cannot be imported: ${problem}. Nothing was imported.`, 'data');
}

/** Refuses the file if what it would write passes a limit; `titles` are those of the documents it adds. */
export function checkExchangeLimits(fileName: string, snapshots: readonly Snapshot[], titles: readonly string[] = []): void {
  for (const title of titles) {
    if (title.length > MAX_TITLE_LENGTH) refuse(fileName, `a source's title takes ${number(title.length)} characters, over the limit of ${number(MAX_TITLE_LENGTH)}`);
  }
  const accounts = new Map<string, number>();
  for (const snapshot of snapshots) {
    if (snapshot.kind === 'annotation' && snapshot.after) {
      const { note, start, end, quote } = snapshot.after;
      const length = start !== null && end !== null ? end - start : quote.exact.length;
      if (length > MAX_HIGHLIGHT_LENGTH) {
        refuse(fileName, `a highlight spans ${number(length)} characters, over the limit of ${number(MAX_HIGHLIGHT_LENGTH)} (“${quote.exact.slice(0, 40)}…”)`);
      }
      const bytes = note === null ? 0 : utf8ByteLength(JSON.stringify(note));
      if (bytes > MAX_NOTE_BYTES) {
        refuse(fileName, `the note on “${quote.exact.slice(0, 40)}” takes ${number(bytes)} bytes, over the limit of ${number(MAX_NOTE_BYTES)} (1 MB)`);
      }
    }
    if (snapshot.kind === 'account' && snapshot.after) {
      // An account's position counts the claim's accounts before it, those of the project included.
      const total = Math.max(accounts.get(snapshot.after.claimId) ?? 0, snapshot.after.position + 1);
      accounts.set(snapshot.after.claimId, total);
      if (total > MAX_ACCOUNTS_PER_CLAIM) {
        refuse(fileName, `a claim would have more than ${number(MAX_ACCOUNTS_PER_CLAIM)} accounts, the most one claim may have`);
      }
    }
  }
}
