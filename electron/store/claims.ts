/**
 * Claims and their accounts as rows. This module only reads and writes; the rules (what a change
 * means, how it is undone) live in the claim service and the change history above it.
 */
import type Database from 'better-sqlite3';
import type { Account, Claim, DatePrecision, HistoricalDate, Stance } from '../../shared/claims';
import { ApiError } from '../../shared/errors';

/** A claim as stored: its accounts are rows of their own. */
export type ClaimRecord = Omit<Claim, 'accounts'>;

/** An account as stored: its place in the claim's attach order travels with it, so undo restores it. */
export interface AccountRecord extends Account {
  readonly position: number;
}

export class ClaimRows {
  constructor(private readonly db: Database.Database) {}

  // -- claims ---------------------------------------------------------------------------------------

  /** Every claim with its accounts in attach order; claims in the order made (listing order is the service's rule). */
  list(): Claim[] {
    const claims = (this.db.prepare('SELECT * FROM claims ORDER BY created_at, id').all() as ClaimRow[]).map(toClaimRecord);
    const accounts = (this.db.prepare('SELECT * FROM claim_accounts ORDER BY claim_id, position').all() as AccountRow[]).map(
      toAccountRecord,
    );
    const byClaim = new Map<string, Account[]>();
    for (const account of accounts) {
      const list = byClaim.get(account.claimId) ?? [];
      list.push(toAccount(account));
      byClaim.set(account.claimId, list);
    }
    return claims.map((claim) => ({ ...claim, accounts: byClaim.get(claim.id) ?? [] }));
  }

  find(id: string): ClaimRecord | null {
    const row = this.db.prepare('SELECT * FROM claims WHERE id = ?').get(id) as ClaimRow | undefined;
    return row ? toClaimRecord(row) : null;
  }

  get(id: string, field = 'id'): ClaimRecord {
    const found = this.find(id);
    if (!found) throw new ApiError('not_found', `No claim with id "${id}"`, field);
    return found;
  }

  /** The claim as the API shows it: with its accounts. */
  withAccounts(id: string, field = 'id'): Claim {
    return { ...this.get(id, field), accounts: this.accountsOf(id).map(toAccount) };
  }

  put(claim: ClaimRecord): void {
    this.db
      .prepare(
        `INSERT INTO claims
           (id, wording, date_text, date_from, date_to, date_precision, date_circa, people, places, verdict, credibility,
            created_at, updated_at)
         VALUES (@id, @wording, @dateText, @dateFrom, @dateTo, @datePrecision, @dateCirca, @people, @places, @verdict,
                 @credibility, @createdAt, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET
           wording = excluded.wording, date_text = excluded.date_text, date_from = excluded.date_from,
           date_to = excluded.date_to, date_precision = excluded.date_precision, date_circa = excluded.date_circa,
           people = excluded.people, places = excluded.places, verdict = excluded.verdict,
           credibility = excluded.credibility, created_at = excluded.created_at, updated_at = excluded.updated_at`,
      )
      .run({
        id: claim.id,
        wording: claim.wording,
        dateText: claim.date?.text ?? null,
        dateFrom: claim.date?.from ?? null,
        dateTo: claim.date?.to ?? null,
        datePrecision: claim.date?.precision ?? null,
        dateCirca: claim.date ? (claim.date.circa ? 1 : 0) : null,
        people: JSON.stringify(claim.people),
        places: JSON.stringify(claim.places),
        verdict: claim.verdict,
        credibility: claim.credibility,
        createdAt: claim.createdAt,
        updatedAt: claim.updatedAt,
      });
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM claims WHERE id = ?').run(id);
  }

  // -- accounts -------------------------------------------------------------------------------------

  accountsOf(claimId: string): AccountRecord[] {
    return (this.db.prepare('SELECT * FROM claim_accounts WHERE claim_id = ? ORDER BY position').all(claimId) as AccountRow[]).map(
      toAccountRecord,
    );
  }

  /** The accounts a highlight gives, in whichever claims. */
  accountsOfAnnotation(annotationId: string): AccountRecord[] {
    return (
      this.db.prepare('SELECT * FROM claim_accounts WHERE annotation_id = ? ORDER BY claim_id, position').all(annotationId) as AccountRow[]
    ).map(toAccountRecord);
  }

  findAccount(id: string): AccountRecord | null {
    const row = this.db.prepare('SELECT * FROM claim_accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return row ? toAccountRecord(row) : null;
  }

  getAccount(id: string, field = 'id'): AccountRecord {
    const found = this.findAccount(id);
    if (!found) throw new ApiError('not_found', `No account with id "${id}"`, field);
    return found;
  }

  /** The position after the claim's last account. */
  nextAccountPosition(claimId: string): number {
    const row = this.db.prepare('SELECT max(position) AS last FROM claim_accounts WHERE claim_id = ?').get(claimId) as {
      last: number | null;
    };
    return row.last === null ? 0 : row.last + 1;
  }

  putAccount(account: AccountRecord): void {
    this.db
      .prepare(
        `INSERT INTO claim_accounts (id, claim_id, annotation_id, stance, note, position, created_at, updated_at)
         VALUES (@id, @claimId, @annotationId, @stance, @note, @position, @createdAt, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET
           claim_id = excluded.claim_id, annotation_id = excluded.annotation_id, stance = excluded.stance,
           note = excluded.note, position = excluded.position, created_at = excluded.created_at,
           updated_at = excluded.updated_at`,
      )
      .run({
        id: account.id,
        claimId: account.claimId,
        annotationId: account.annotationId,
        stance: account.stance,
        note: account.note,
        position: account.position,
        createdAt: account.createdAt,
        updatedAt: account.updatedAt,
      });
  }

  deleteAccount(id: string): void {
    this.db.prepare('DELETE FROM claim_accounts WHERE id = ?').run(id);
  }
}

/** The account as the API shows it (its position is implied by its place in the list). */
function toAccount(record: AccountRecord): Account {
  const { position: _position, ...account } = record;
  return account;
}

interface ClaimRow {
  id: string;
  wording: string;
  date_text: string | null;
  date_from: string | null;
  date_to: string | null;
  date_precision: DatePrecision | null;
  date_circa: 0 | 1 | null;
  people: string;
  places: string;
  verdict: string;
  credibility: number | null;
  created_at: string;
  updated_at: string;
}

interface AccountRow {
  id: string;
  claim_id: string;
  annotation_id: string;
  stance: Stance;
  note: string;
  position: number;
  created_at: string;
  updated_at: string;
}

function toClaimRecord(row: ClaimRow): ClaimRecord {
  const date: HistoricalDate | null =
    row.date_text !== null && row.date_from !== null && row.date_to !== null && row.date_precision !== null
      ? { text: row.date_text, from: row.date_from, to: row.date_to, precision: row.date_precision, circa: row.date_circa === 1 }
      : null;
  return {
    id: row.id,
    wording: row.wording,
    date,
    people: JSON.parse(row.people) as string[],
    places: JSON.parse(row.places) as string[],
    verdict: row.verdict,
    credibility: row.credibility,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toAccountRecord(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    claimId: row.claim_id,
    annotationId: row.annotation_id,
    stance: row.stance,
    note: row.note,
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
