/**
 * Municipality names in text: "Hjo", "Hjo kommuns", "Mölndals stad", "Göteborgs Stad",
 * "Region Gotland", and misspellings such as Mölndal's own "Mölnadal" and "Möndal".
 *
 * Swedish forms: the official name is "<name> kommun" for names ending in a vowel
 * ("Tyresö kommun", "Ale kommun") and the genitive "<name>s kommun" otherwise ("Mölndals
 * stad", "Simrishamns kommun"); names ending in s take no extra s ("Alingsås kommun").
 * Reports use both forms interchangeably ("Mölndal stad", "Hjo kommuns"), so both are read.
 */
import { createRequire } from 'node:module';
import { ALIASES, KOMMUNER, type Kommun } from './kommuner.js';

// natural's index loads database clients and prints dotenv notices, so load only this file.
const require = createRequire(import.meta.url);
const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance.js') as (
  a: string,
  b: string,
  options?: { ignoreCase?: boolean },
) => number;

export type MatchMethod = 'exact' | 'genitive' | 'fuzzy';

export interface MunicipalityMatch {
  name: string;
  code: string;
  method: MatchMethod;
  score: number;
}

/**
 * Jaro-Winkler similarity a misspelling must reach. "Mölnadal" and "Möndal" score about
 * 0.97 against "Mölndal"; ordinary capitalised words in the seed reports stay below 0.92.
 */
export const FUZZY_THRESHOLD = 0.93;
/** Below this length a one-letter slip is as likely another word ("Salar", "Alla"). */
export const FUZZY_MIN_LENGTH = 6;
/** A misspelling rarely adds or drops more than two letters; compounds ("Mölndalsbor") do. */
export const FUZZY_MAX_LENGTH_DIFF = 2;
/** The best fuzzy candidate must beat the runner-up by this much, or we cannot tell. */
export const FUZZY_MIN_MARGIN = 0.02;
/** Score of a bare, capitalised name that is also an ordinary word or first name ("Mark"). */
export const AMBIGUOUS_BARE_SCORE = 0.5;

/**
 * Names that are also ordinary Swedish words, first names, or a letter away from one
 * ("Mark" ground, "Vara" be, "Lund" grove, "Berg" mountain, "Kil" wedge, "Sala"/"salar",
 * "Ale"/"alla"). Without "kommun"/"stad" after them they count only capitalised and weakly.
 */
const AMBIGUOUS_NAMES = new Set(
  [
    'Ale', 'Hjo', 'Kil', 'Eda', 'Åre', 'Berg', 'Mark', 'Vara', 'Sala', 'Lund', 'Mora', 'Orsa',
    'Nora', 'Heby', 'Habo', 'Bjuv', 'Laxå', 'Boden', 'Salem', 'Skara', 'Köping', 'Säter',
    'Klippan', 'Grums', 'Storfors', 'Ljusdal', 'Öckerö', 'Flen', 'Osby', 'Ydre', 'Höör', 'Malå',
    'Håbo', 'Kinda', 'Sunne', 'Falun',
  ].map((n) => n.toLowerCase()),
);

/** Words that, after a name, make it a municipality: "Hjo kommun", "Göteborgs Stad". */
export const CONTEXT_WORDS = new Set([
  'kommun', 'kommuns', 'kommunen', 'stad', 'stads',
  'kommunfullmäktige', 'kommunfullmäktiges', 'kommunstyrelse', 'kommunstyrelsen',
  'kommunstyrelsens',
]);

/** Lower case, hyphens as spaces, single spaces: "Upplands-Bro" ≈ "Upplands Bro". */
export function nameKey(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[-\u2010-\u2013]/g, ' ').replace(/\s+/g, ' ').trim();
}

const byKey = new Map<string, Kommun>(KOMMUNER.map((k) => [nameKey(k.name), k]));
for (const [alias, code] of Object.entries(ALIASES)) {
  const k = KOMMUNER.find((x) => x.code === code);
  if (k) byKey.set(alias, k);
}

/** Gotland is the one municipality that calls itself a region ("Region Gotland"). */
const GOTLAND = '0980';

const startsUpper = (s: string) => /^\p{Lu}/u.test(s);

function isAmbiguous(k: Kommun): boolean {
  return AMBIGUOUS_NAMES.has(nameKey(k.name));
}

function fuzzy(core: string): { k: Kommun; score: number } | null {
  const key = nameKey(core);
  if (key.length < FUZZY_MIN_LENGTH || !startsUpper(core)) return null;
  let best: { k: Kommun; score: number } | null = null;
  let second = 0;
  for (const k of KOMMUNER) {
    const name = nameKey(k.name);
    if (name[0] !== key[0] || name.length < FUZZY_MIN_LENGTH) continue;
    if (Math.abs(name.length - key.length) > FUZZY_MAX_LENGTH_DIFF) continue;
    // A word that starts with the whole name is a derivation, not a misspelling ("Tyresöbo").
    if (key.startsWith(name) || AMBIGUOUS_NAMES.has(name)) continue;
    const score = jaroWinkler(key, name);
    if (!best || score > best.score) {
      second = best?.score ?? second;
      best = { k, score };
    } else if (score > second) {
      second = score;
    }
  }
  if (!best || best.score < FUZZY_THRESHOLD || best.score - second < FUZZY_MIN_MARGIN) return null;
  return best;
}

/**
 * Match the name part of a mention. `context` says a context word ("kommun", "stad") follows,
 * which allows lower case ("tyresö kommun" on Tyresö's title page) and genitives of
 * ambiguous names ("Marks kommun").
 */
export function matchName(core: string, context: boolean, allowFuzzy = true): MunicipalityMatch | null {
  const text = core.trim();
  if (!text) return null;
  if (!context && !startsUpper(text)) return null;
  const result = (k: Kommun, method: MatchMethod, score: number): MunicipalityMatch => ({
    name: k.name,
    code: k.code,
    method,
    score,
  });
  const key = nameKey(text);
  const exact = byKey.get(key);
  if (exact) {
    const method: MatchMethod = context || nameKey(exact.name) !== key ? 'genitive' : 'exact';
    return result(exact, method, !context && isAmbiguous(exact) ? AMBIGUOUS_BARE_SCORE : 1);
  }
  if (key.endsWith('s')) {
    const gen = byKey.get(key.slice(0, -1));
    if (gen && (context || !isAmbiguous(gen))) return result(gen, 'genitive', 1);
  }
  if (!allowFuzzy) return null;
  const fz = fuzzy(text) ?? (key.endsWith('s') ? fuzzy(text.slice(0, -1)) : null);
  return fz ? result(fz.k, 'fuzzy', fz.score) : null;
}

/** Strip quotes, brackets and sentence punctuation around a token, keeping inner hyphens. */
function trimToken(t: string): string {
  return t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Find the municipality in a single name-like token or short phrase: "Hjo", "Hjo kommuns",
 * "Mölndals stad", "Region Gotland", "Mölnadal". Returns null for anything else, including
 * lower-case bare names ("ale"), near-words ("alla", "salar") and longer phrases.
 */
export function findMunicipality(text: string): MunicipalityMatch | null {
  const words = text.normalize('NFC').trim().split(/\s+/).map(trimToken).filter(Boolean);
  if (words.length === 0 || words.length > 4) return null;
  if (words.length === 2 && words[0].toLowerCase() === 'region') {
    const m = matchName(words[1], true);
    return m && m.code === GOTLAND ? { ...m, method: 'genitive' } : null;
  }
  const last = words[words.length - 1].toLowerCase();
  if (words.length > 1 && CONTEXT_WORDS.has(last)) {
    return matchName(words.slice(0, -1).join(' '), true);
  }
  return matchName(words.join(' '), false);
}

export interface MunicipalityMention extends MunicipalityMatch {
  /** True when "kommun"/"stad"/"kommunfullmäktige" follows, or "Region" precedes. */
  context: boolean;
  /** The text that matched, e.g. "Mölndals stad". */
  text: string;
}

/**
 * All municipality mentions in one line. Mentions with a context word are read in any case
 * and may be fuzzy; bare names count only when capitalised and exact (or genitive), unless
 * `fuzzyBare` is set (title pages, where "Mölnadal Vision 2022" is a real mention).
 */
export function scanMunicipalityMentions(
  line: string,
  options: { fuzzyBare?: boolean } = {},
): MunicipalityMention[] {
  const tokens = line.normalize('NFC').split(/\s+/).map(trimToken).filter(Boolean);
  const out: MunicipalityMention[] = [];
  const used = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i].toLowerCase();
    if (lower === 'region' && i + 1 < tokens.length) {
      // "Region Stockholm" is a county council; only Gotland's municipality is a region.
      const m = matchName(tokens[i + 1], true);
      if (m && m.method !== 'fuzzy' && m.code === GOTLAND) {
        out.push({ ...m, method: 'genitive', context: true, text: `${tokens[i]} ${tokens[i + 1]}` });
        used.add(i + 1);
      }
      continue;
    }
    if (!CONTEXT_WORDS.has(lower) || i === 0) continue;
    // Two-word names first ("Lilla Edet", "Upplands Väsby", "Östra Göinge").
    for (const span of [2, 1]) {
      if (i - span < 0) continue;
      const core = tokens.slice(i - span, i).join(' ');
      const m = matchName(core, true, span === 1);
      if (!m) continue;
      if (m.method === 'fuzzy' && !startsUpper(core)) continue;
      out.push({ ...m, method: m.method === 'exact' ? 'genitive' : m.method, context: true, text: `${core} ${tokens[i]}` });
      for (let j = i - span; j < i; j++) used.add(j);
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || !startsUpper(tokens[i])) continue;
    const next = tokens[i + 1]?.toLowerCase();
    if (next && CONTEXT_WORDS.has(next)) continue;
    const two = i + 1 < tokens.length ? matchName(`${tokens[i]} ${tokens[i + 1]}`, false, false) : null;
    if (two && two.method !== 'fuzzy' && nameKey(two.name).includes(' ')) {
      out.push({ ...two, context: false, text: `${tokens[i]} ${tokens[i + 1]}` });
      i++;
      continue;
    }
    const m = matchName(tokens[i], false, options.fuzzyBare === true);
    if (!m) continue;
    out.push({ ...m, context: false, text: tokens[i] });
  }
  return out;
}
