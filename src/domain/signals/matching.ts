/**
 * Candidate matches between a signal's subject and existing households: by name, date of birth and address.
 * Only a person confirms a match; this ranks candidates and says why.
 */
export interface SubjectData {
  name: string;
  dateOfBirth: string | null;
  postcode: string;
  houseNumber: string;
  street: string;
}

export interface HouseholdData {
  id: string;
  name: string;
  city: string;
  postcode: string;
  houseNumber: string;
  street: string;
  members: { name: string; dateOfBirth: string | null }[];
}

export type MatchReason = 'name' | 'dateOfBirth' | 'address';

export interface Match {
  householdId: string;
  score: number;
  reasons: MatchReason[];
  matchedMember: string | null;
}

const NOISE = new Set([
  'familie',
  'fam',
  'gezin',
  'de',
  'van',
  'der',
  'den',
  'het',
  'ten',
  'ter',
  'te',
  'el',
  'al',
  'mevrouw',
  'meneer',
  'mw',
  'dhr',
]);

/** Lower case, without diacritics and punctuation, split into words. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((t) => t.length > 0);
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Similarity of two words in [0, 1]: 1 − edit distance / longer length. */
export function wordSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}

/**
 * Name similarity in [0, 1]: the best pairing of meaningful words (ignoring "familie", "van", "de" …),
 * so "Fam. Jansen" ~ "Jan Janssen" and "Mohamed El Amrani" ~ "Mohammed el-Amrani".
 */
/** The words that tell names apart; a name made only of particles ("Al", "De Van") keeps them all. */
function significantTokens(name: string): string[] {
  const tokens = nameTokens(name);
  const kept = tokens.filter((t) => !NOISE.has(t));
  return kept.length > 0 ? kept : tokens;
}

export function nameSimilarity(a: string, b: string): number {
  const ta = significantTokens(a);
  const tb = significantTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  // Every word of the shorter name finds its best partner; a surname counts for most.
  const scores = short.map((w) => Math.max(...long.map((v) => wordSimilarity(w, v))));
  const best = Math.max(...scores);
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  return 0.6 * best + 0.4 * mean;
}

const normPostcode = (p: string) => p.replace(/\s+/g, '').toUpperCase();
const normNumber = (n: string) => n.replace(/\s+/g, '').toLowerCase();

export const NAME_THRESHOLD = 0.8;
export const SHOW_THRESHOLD = 0.35;

export function scoreHousehold(subject: SubjectData, h: HouseholdData): Match {
  const reasons: MatchReason[] = [];
  let matchedMember: string | null = null;
  let nameScore = nameSimilarity(subject.name, h.name);
  for (const m of h.members) {
    const s = nameSimilarity(subject.name, m.name);
    // A member who matches at least as well as the household's name is the one to show.
    if (s >= nameScore && s >= NAME_THRESHOLD) matchedMember = m.name;
    nameScore = Math.max(nameScore, s);
  }
  if (nameScore >= NAME_THRESHOLD) reasons.push('name');
  const dobMember = subject.dateOfBirth
    ? h.members.find((m) => m.dateOfBirth === subject.dateOfBirth)
    : undefined;
  if (dobMember) {
    reasons.push('dateOfBirth');
    matchedMember = dobMember.name;
  }
  const pc = normPostcode(subject.postcode);
  const sameAddress =
    pc !== '' &&
    pc === normPostcode(h.postcode) &&
    normNumber(subject.houseNumber) !== '' &&
    normNumber(subject.houseNumber) === normNumber(h.houseNumber);
  if (sameAddress) reasons.push('address');
  const score = Math.min(1, 0.45 * nameScore + (dobMember ? 0.35 : 0) + (sameAddress ? 0.35 : 0));
  return { householdId: h.id, score: Math.round(score * 100) / 100, reasons, matchedMember };
}

/** Candidates worth showing, best first (at most `limit`). */
export function findCandidates(
  subject: SubjectData,
  households: readonly HouseholdData[],
  limit = 5,
): Match[] {
  return households
    .map((h) => scoreHousehold(subject, h))
    .filter((m) => m.reasons.length > 0 && m.score >= SHOW_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.householdId.localeCompare(b.householdId))
    .slice(0, limit);
}
