import type { DataCategory } from './categories.js';
import { DATA_CATEGORIES } from './categories.js';

/** A consent or a sharing basis, as far as access is concerned. */
export interface CategorySource {
  /** `consent:<id>` or `basis:<id>`: what the audit trail records as relied on. */
  ref: string;
  /** The member it concerns; null for the whole household (a sharing basis without a member). */
  memberId: string | null;
  categories: readonly string[];
}

/**
 * What one caller may see of one household, per data category and member. Pure: built from the caller's relation
 * and the consents and sharing bases in force for the caller's organisation.
 */
export class CategoryAccess {
  private constructor(
    /** Every category, for every member (the coordinator; emergency access). */
    readonly all: boolean,
    /** Categories seen without consent (a partner: identity and the main lines of the plan). */
    readonly base: readonly DataCategory[],
    private readonly sources: readonly CategorySource[],
  ) {}

  static everything(): CategoryAccess {
    return new CategoryAccess(true, DATA_CATEGORIES, []);
  }

  static nothing(): CategoryAccess {
    return new CategoryAccess(false, [], []);
  }

  static partner(sources: readonly CategorySource[]): CategoryAccess {
    return new CategoryAccess(false, ['identity', 'plan'], sources);
  }

  /**
   * Whether `category` may be seen for data about `memberIds` (empty: about the household as a whole, which any
   * member's consent for the category opens).
   */
  allows(category: DataCategory, memberIds: readonly string[] = []): boolean {
    if (this.all || this.base.includes(category)) return true;
    return this.sources.some((s) => this.covers(s, category, memberIds));
  }

  /** The consents and bases that open `category` for `memberIds` (empty when none is needed or none applies). */
  refsFor(category: DataCategory, memberIds: readonly string[] = []): string[] {
    if (this.all || this.base.includes(category)) return [];
    return this.sources.filter((s) => this.covers(s, category, memberIds)).map((s) => s.ref);
  }

  /** Every consent and basis in force for this caller: what the audit trail records as relied on. */
  reliedOn(): string[] {
    return [...new Set(this.sources.map((s) => s.ref))].sort();
  }

  /** The categories open for at least one member or the household. */
  categories(): DataCategory[] {
    return DATA_CATEGORIES.filter((c) => this.allows(c));
  }

  private covers(s: CategorySource, category: DataCategory, memberIds: readonly string[]): boolean {
    if (!s.categories.includes(category)) return false;
    return s.memberId === null || memberIds.length === 0 || memberIds.includes(s.memberId);
  }
}
