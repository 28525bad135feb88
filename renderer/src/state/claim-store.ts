/**
 * Every claim with its accounts, for the claims panel and the "Claim…" panel of the toolbar.
 * Saved at once and undoable like highlights; a failure rejects with the ApiError, whose `field`
 * says which input of the form it is about.
 */
import type { ApiClient, ApiInput } from '../../../shared/api';
import { compareClaims, type Claim } from '../../../shared/claims';
import type { HistoryStore } from './history-store';
import { keepUnchanged, Observable } from './observable';

export interface ClaimState {
  /** Ordered by historical date, then wording, as the server lists them. */
  readonly claims: readonly Claim[];
}

export class ClaimStore extends Observable<ClaimState> {
  constructor(
    private readonly client: ApiClient,
    private readonly history: HistoryStore,
  ) {
    super({ claims: [] });
    history.reloadWith(() => this.reload());
    history.onChanges((changes) => (changes.claims ? this.reload() : undefined));
  }

  private get claims(): readonly Claim[] {
    return this.getSnapshot().claims;
  }

  async reload(): Promise<void> {
    const fresh = await this.client.listClaims({});
    this.patch({ claims: keepUnchanged(this.claims, fresh) });
  }

  createClaim(input: ApiInput<'createClaim'>): Promise<Claim> {
    return this.history.record(async () => this.put(await this.client.createClaim(input)));
  }

  updateClaim(input: ApiInput<'updateClaim'>): Promise<Claim> {
    return this.history.record(async () => this.put(await this.client.updateClaim(input)));
  }

  deleteClaim(id: string): Promise<void> {
    return this.history.record(async () => {
      await this.client.deleteClaim({ id });
      this.patch({ claims: this.claims.filter((claim) => claim.id !== id) });
    });
  }

  attachAccount(input: ApiInput<'attachAccount'>): Promise<Claim> {
    return this.history.record(async () => this.put(await this.client.attachAccount(input)));
  }

  updateAccount(input: ApiInput<'updateAccount'>): Promise<Claim> {
    return this.history.record(async () => this.put(await this.client.updateAccount(input)));
  }

  detachAccount(id: string): Promise<Claim> {
    return this.history.record(async () => this.put(await this.client.detachAccount({ id })));
  }

  /** A changed claim takes its place in the order the server lists them in. */
  private put(claim: Claim): Claim {
    const others = this.claims.filter((other) => other.id !== claim.id);
    const index = others.findIndex((other) => compareClaims(claim, other) < 0);
    others.splice(index === -1 ? others.length : index, 0, claim);
    this.patch({ claims: others });
    return claim;
  }
}
