/**
 * Every change a user makes to claims and their accounts: validated, then written through the
 * project's one change history, so undo takes back a claim change and an annotation change in
 * the order they were made.
 */
import { randomUUID } from 'node:crypto';
import type { ApiParsedInput } from '../../shared/api';
import { compareClaims, MAX_ACCOUNTS_PER_CLAIM, type Claim, type HistoricalDate, type Stance } from '../../shared/claims';
import { ApiError } from '../../shared/errors';
import { parseHistoricalDate } from '../../shared/historical-date';
import type { ChangeHistory, Snapshot } from './change-history';
import type { AnnotationRows } from '../store/annotations';
import type { AccountRecord, ClaimRecord, ClaimRows } from '../store/claims';
import type { Repositories } from '../store/repositories';

/** Longest wording quoted in an undo label, which a menu item has to hold. */
const LABEL_WORDING_LENGTH = 40;

export class ClaimService {
  private readonly rows: ClaimRows;
  /** Read only: an account must point at a highlight that exists. */
  private readonly annotationRows: AnnotationRows;

  constructor(
    repositories: Pick<Repositories, 'claims' | 'annotations'>,
    private readonly changes: ChangeHistory,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rows = repositories.claims;
    this.annotationRows = repositories.annotations;
  }

  list(): Claim[] {
    return this.rows.list().sort(compareClaims);
  }

  create(input: ApiParsedInput<'createClaim'>): Claim {
    const stamp = this.now().toISOString();
    const claim: ClaimRecord = {
      id: randomUUID(),
      wording: readWording(input.wording),
      date: readDate(input.date),
      people: distinctNames(input.people ?? []),
      places: distinctNames(input.places ?? []),
      verdict: input.verdict ?? '',
      credibility: input.credibility ?? null,
      createdAt: stamp,
      updatedAt: stamp,
    };
    const snapshots: Snapshot[] = [{ kind: 'claim', before: null, after: claim }];
    if (input.account) {
      this.checkAnnotation(input.account.annotationId, 'account.annotationId');
      snapshots.push({
        kind: 'account',
        before: null,
        after: this.newAccount(claim.id, input.account.annotationId, input.account.stance, input.account.note, 0, stamp),
      });
    }
    this.changes.apply(`add claim ${quoted(claim.wording)}`, snapshots);
    return this.rows.withAccounts(claim.id);
  }

  update(input: ApiParsedInput<'updateClaim'>): Claim {
    const before = this.rows.get(input.id);
    const after: ClaimRecord = {
      ...before,
      ...(input.wording !== undefined ? { wording: readWording(input.wording) } : {}),
      ...(input.date !== undefined ? { date: readDate(input.date) } : {}),
      ...(input.people !== undefined ? { people: distinctNames(input.people) } : {}),
      ...(input.places !== undefined ? { places: distinctNames(input.places) } : {}),
      ...(input.verdict !== undefined ? { verdict: input.verdict } : {}),
      ...(input.credibility !== undefined ? { credibility: input.credibility } : {}),
      updatedAt: this.now().toISOString(),
    };
    this.changes.apply(describeClaimUpdate(input, before), [{ kind: 'claim', before, after }]);
    return this.rows.withAccounts(after.id);
  }

  /** Deletes a claim with its accounts in one change; the highlights stay. */
  delete(id: string): void {
    const claim = this.rows.get(id);
    this.changes.apply(`delete claim ${quoted(claim.wording)}`, [
      ...this.rows.accountsOf(id).map((account): Snapshot => ({ kind: 'account', before: account, after: null })),
      { kind: 'claim', before: claim, after: null },
    ]);
  }

  attach(input: ApiParsedInput<'attachAccount'>): Claim {
    const claim = this.rows.get(input.claimId, 'claimId');
    this.checkAnnotation(input.annotationId, 'annotationId');
    if (this.rows.accountsOf(claim.id).some((account) => account.annotationId === input.annotationId)) {
      throw new ApiError(
        'conflict',
        `This highlight is already an account of the claim ${quoted(claim.wording)}; change its stance instead of attaching it again`,
        'annotationId',
      );
    }
    const accounts = this.rows.accountsOf(claim.id);
    if (accounts.length >= MAX_ACCOUNTS_PER_CLAIM) {
      throw new ApiError(
        'invalid_input',
        `The claim ${quoted(claim.wording)} already has ${accounts.length.toLocaleString('en')} accounts, the most one claim may have (${MAX_ACCOUNTS_PER_CLAIM.toLocaleString('en')}); split it into narrower claims`,
        'claimId',
      );
    }
    const account = this.newAccount(
      claim.id,
      input.annotationId,
      input.stance,
      input.note,
      this.rows.nextAccountPosition(claim.id),
      this.now().toISOString(),
    );
    this.changes.apply('attach account', [{ kind: 'account', before: null, after: account }]);
    return this.rows.withAccounts(claim.id);
  }

  updateAccount(input: ApiParsedInput<'updateAccount'>): Claim {
    const before = this.rows.getAccount(input.id);
    const after: AccountRecord = {
      ...before,
      ...(input.stance !== undefined ? { stance: input.stance } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      updatedAt: this.now().toISOString(),
    };
    const label =
      input.stance !== undefined && input.stance !== before.stance
        ? 'change stance'
        : input.note !== undefined
          ? 'edit account note'
          : 'change account';
    this.changes.apply(label, [{ kind: 'account', before, after }]);
    return this.rows.withAccounts(after.claimId);
  }

  /** Takes a highlight out of a claim; the highlight stays. */
  detach(id: string): Claim {
    const account = this.rows.getAccount(id);
    this.changes.apply('detach account', [{ kind: 'account', before: account, after: null }]);
    return this.rows.withAccounts(account.claimId);
  }

  private newAccount(
    claimId: string,
    annotationId: string,
    stance: Stance,
    note: string | undefined,
    position: number,
    stamp: string,
  ): AccountRecord {
    return { id: randomUUID(), claimId, annotationId, stance, note: note ?? '', position, createdAt: stamp, updatedAt: stamp };
  }

  private checkAnnotation(annotationId: string, field: string): void {
    if (!this.annotationRows.find(annotationId)) {
      throw new ApiError('not_found', `No highlight with id "${annotationId}"`, field);
    }
  }
}

function readWording(text: string): string {
  const wording = text.trim();
  if (wording === '') throw new ApiError('invalid_input', 'The wording of a claim must not be empty', 'wording');
  return wording;
}

/** An empty date means an undated claim; anything else must be a date the parser can read. */
function readDate(text: string | null | undefined): HistoricalDate | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const parsed = parseHistoricalDate(text.trim());
  if (!parsed.ok) throw new ApiError('invalid_input', parsed.error, 'date');
  return parsed.date;
}

/** Names as typed, trimmed, without empty entries or repeats (compared without case; the first spelling stays). */
function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const trimmed = name.trim();
    const key = trimmed.normalize('NFC').toLowerCase();
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(trimmed);
  }
  return result;
}

function describeClaimUpdate(input: ApiParsedInput<'updateClaim'>, before: ClaimRecord): string {
  const claim = quoted(before.wording);
  if (input.wording !== undefined && input.wording.trim() !== before.wording) return `reword claim ${claim}`;
  if (input.date !== undefined) return `change date of claim ${claim}`;
  if (input.verdict !== undefined) return `edit verdict on claim ${claim}`;
  if (input.credibility !== undefined) return `change credibility of claim ${claim}`;
  if (input.people !== undefined || input.places !== undefined) return `change people and places of claim ${claim}`;
  return `change claim ${claim}`;
}

/** The wording in quotation marks, shortened to fit a menu item. */
function quoted(wording: string): string {
  const characters = [...wording.replace(/\s+/g, ' ').trim()];
  const short =
    characters.length > LABEL_WORDING_LENGTH ? `${characters.slice(0, LABEL_WORDING_LENGTH - 1).join('').trimEnd()}…` : characters.join('');
  return `“${short}”`;
}
