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

/**
 * NFC leaves text below U+0300 (ASCII, Latin-1, Latin Extended) unchanged: nothing there
 * decomposes or composes. Swedish text nearly always is, so ICU is skipped for it.
 */
const MAY_CHANGE_UNDER_NFC = /[^\u0000-\u02ff]/;

/** `s.normalize('NFC')`, without the call when it cannot change anything. */
export function nfc(s: string): string {
  return MAY_CHANGE_UNDER_NFC.test(s) ? s.normalize('NFC') : s;
}

/** A hyphen or whitespace: only then do nameKey's replaces and trim change the lower-cased text. */
const NEEDS_SPACING = /[-\u2010-\u2013\s]/;

/** The words scanMunicipalityMentions reads in any case. */
const KEYWORDS = [...CONTEXT_WORDS, 'region'];

/**
 * ASCII characters that lower-case to the first letter of "region" or a context word. A token
 * starting with any other ASCII character is neither, and needs no lower-casing or lookup.
 */
const KEYWORD_START = new Set(
  KEYWORDS.flatMap((w) => [w[0], w[0].toUpperCase()]).map((c) => c.charCodeAt(0)),
);

/**
 * Lengths of "region" and the context words. Lower-casing keeps a string's length except for
 * "İ", whose lower case adds a combining dot that no keyword has; so only a token of one of
 * these lengths can lower-case to a keyword.
 */
const KEYWORD_LENGTHS = new Set(KEYWORDS.map((w) => w.length));

/**
 * A line with a keyword token contains that keyword with its letters in any case: a letter of
 * a keyword is the lower case only of itself and its capital ("Kelvin sign" K aside, which
 * NFC has made a "K"), and a non-Unicode /i regex matches exactly those case variants.
 */
const MAY_HOLD_KEYWORD = new RegExp(KEYWORDS.join('|'), 'i');

/** The token lower-cased when it may be "region" or a context word, else null. */
function keywordOf(token: string): string | null {
  if (!KEYWORD_LENGTHS.has(token.length)) return null;
  const c = token.charCodeAt(0);
  return c < 0x80 && !KEYWORD_START.has(c) ? null : token.toLowerCase();
}

/** Lower case, hyphens as spaces, single spaces: "Upplands-Bro" ≈ "Upplands Bro". */
export function nameKey(s: string): string {
  const lower = nfc(s).toLowerCase();
  if (!NEEDS_SPACING.test(lower)) return lower;
  return lower.replace(/[-\u2010-\u2013]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Each municipality's key, computed once. */
const KEY_OF = new Map<Kommun, string>(KOMMUNER.map((k) => [k, nameKey(k.name)]));

function keyOf(k: Kommun): string {
  return KEY_OF.get(k) ?? nameKey(k.name);
}

const byKey = new Map<string, Kommun>(KOMMUNER.map((k) => [keyOf(k), k]));
for (const [alias, code] of Object.entries(ALIASES)) {
  const k = KOMMUNER.find((x) => x.code === code);
  if (k) byKey.set(alias, k);
}

/**
 * Every key's words before a space ("upplands" of "upplands väsby"). The key of "A B" is the
 * key of "A", a space and the key of "B", so a token pair can only name a municipality, also
 * in the genitive, when the first token's key is one of these.
 */
const LEADING_WORDS = new Set<string>();
for (const key of byKey.keys()) {
  for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) LEADING_WORDS.add(key.slice(0, at));
}

/** Gotland is the one municipality that calls itself a region ("Region Gotland"). */
const GOTLAND = '0980';

/** A capital first letter; ASCII needs no Unicode regex. */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return /^\p{Lu}/u.test(s);
}

function isAmbiguous(k: Kommun): boolean {
  return AMBIGUOUS_NAMES.has(keyOf(k));
}

/** A key that matchName can read exactly or as a genitive, given the right context. */
function isKnownKey(key: string): boolean {
  return byKey.has(key) || (key.endsWith('s') && byKey.has(key.slice(0, -1)));
}

interface FuzzyCandidate {
  k: Kommun;
  key: string;
}

/**
 * The municipalities a misspelling may stand for, by first letter of the key, in KOMMUNER
 * order (ties go to the first). Short and ambiguous names are never fuzzy candidates.
 */
const FUZZY_CANDIDATES = new Map<string, FuzzyCandidate[]>();
for (const k of KOMMUNER) {
  const key = keyOf(k);
  if (key.length < FUZZY_MIN_LENGTH || AMBIGUOUS_NAMES.has(key)) continue;
  const group = FUZZY_CANDIDATES.get(key[0]) ?? [];
  group.push({ k, key });
  FUZZY_CANDIDATES.set(key[0], group);
}

function fuzzy(core: string): { k: Kommun; score: number } | null {
  if (!startsUpper(core)) return null;
  const key = nameKey(core);
  if (key.length < FUZZY_MIN_LENGTH) return null;
  let best: { k: Kommun; score: number } | null = null;
  let second = 0;
  for (const { k, key: name } of FUZZY_CANDIDATES.get(key[0]) ?? []) {
    if (Math.abs(name.length - key.length) > FUZZY_MAX_LENGTH_DIFF) continue;
    // A word that starts with the whole name is a derivation, not a misspelling ("Tyresöbo").
    if (key.startsWith(name)) continue;
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
    const method: MatchMethod = context || keyOf(exact) !== key ? 'genitive' : 'exact';
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

/**
 * The whitespace-separated words of a text, each stripped of quotes, brackets and sentence
 * punctuation around it (inner hyphens kept); words with no letter or digit are dropped.
 * One regex pass: a match runs from a word's first letter or digit to its last.
 */
const TOKEN = /[\p{L}\p{N}](?:\S*[\p{L}\p{N}])?/gu;

function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Find the municipality in a single name-like token or short phrase: "Hjo", "Hjo kommuns",
 * "Mölndals stad", "Region Gotland", "Mölnadal". Returns null for anything else, including
 * lower-case bare names ("ale"), near-words ("alla", "salar") and longer phrases.
 */
export function findMunicipality(text: string): MunicipalityMatch | null {
  const words = tokensOf(nfc(text));
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

/** A mention from a match; spelled out, as spreading the match is V8's slow path. */
function mention(m: MunicipalityMatch, method: MatchMethod, context: boolean, text: string): MunicipalityMention {
  return { name: m.name, code: m.code, method, score: m.score, context, text };
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
  const text = nfc(line);
  const fuzzyBare = options.fuzzyBare === true;
  // Most lines hold no keyword: only their capitalised words can be mentions.
  if (!fuzzyBare && !MAY_HOLD_KEYWORD.test(text)) return capitalisedMentions(text);
  const tokens = tokensOf(text);
  const lower = tokens.map(keywordOf);
  const out: MunicipalityMention[] = [];
  const used = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (lower[i] === 'region' && i + 1 < tokens.length) {
      // "Region Stockholm" is a county council; only Gotland's municipality is a region.
      const m = matchName(tokens[i + 1], true);
      if (m && m.method !== 'fuzzy' && m.code === GOTLAND) {
        out.push(mention(m, 'genitive', true, `${tokens[i]} ${tokens[i + 1]}`));
        used.add(i + 1);
      }
      continue;
    }
    const word = lower[i];
    if (!word || !CONTEXT_WORDS.has(word) || i === 0) continue;
    // Two-word names first ("Lilla Edet", "Upplands Väsby", "Östra Göinge").
    for (const span of [2, 1]) {
      if (i - span < 0) continue;
      if (span === 2 && !LEADING_WORDS.has(nameKey(tokens[i - 2]))) continue;
      const core = span === 2 ? `${tokens[i - 2]} ${tokens[i - 1]}` : tokens[i - 1];
      const m = matchName(core, true, span === 1);
      if (!m) continue;
      if (m.method === 'fuzzy' && !startsUpper(core)) continue;
      out.push(mention(m, m.method === 'exact' ? 'genitive' : m.method, true, `${core} ${tokens[i]}`));
      for (let j = i - span; j < i; j++) used.add(j);
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || !startsUpper(tokens[i])) continue;
    const next = lower[i + 1];
    if (next && CONTEXT_WORDS.has(next)) continue;
    const found = bareMention(tokens[i], () => tokens[i + 1], fuzzyBare);
    if (!found) continue;
    out.push(found.mention);
    if (found.pair) i++;
  }
  return out;
}

/**
 * The bare mention at a capitalised token: with the next token a two-word name ("Lilla
 * Edet"; `pair` is then true), else the token alone. `nextToken` is asked only for the
 * first word of a two-word name.
 */
function bareMention(
  token: string,
  nextToken: () => string | undefined,
  fuzzyBare: boolean,
): { mention: MunicipalityMention; pair: boolean } | null {
  const key = nameKey(token);
  const next = LEADING_WORDS.has(key) ? nextToken() : undefined;
  if (next !== undefined) {
    const two = matchName(`${token} ${next}`, false, false);
    if (two && two.method !== 'fuzzy' && nameKey(two.name).includes(' ')) {
      return { mention: mention(two, two.method, false, `${token} ${next}`), pair: true };
    }
  }
  // Without fuzzy matching only a known key (or its genitive) can match.
  if (!fuzzyBare && !isKnownKey(key)) return null;
  const m = matchName(token, false, fuzzyBare);
  return m ? { mention: mention(m, m.method, false, token), pair: false } : null;
}

/** A capital letter and the rest of its whitespace-separated word. */
const CAPITAL = /\p{Lu}\S*/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const TRAILING_NON_WORD = /[^\p{L}\p{N}]+$/u;
const WHITESPACE = /\s/;

/**
 * The bare mentions of a line without keywords, as scanMunicipalityMentions's token loop
 * finds them, but visiting only the capitalised tokens instead of splitting the whole line.
 */
function capitalisedMentions(text: string): MunicipalityMention[] {
  const out: MunicipalityMention[] = [];
  // End of the token read as the second word of a two-word name.
  let readTo = 0;
  CAPITAL.lastIndex = 0;
  for (let m = CAPITAL.exec(text); m; m = CAPITAL.exec(text)) {
    if (m.index < readTo || !startsToken(text, m.index)) continue;
    const end = m.index + m[0].length;
    const found = bareMention(trimTrailing(m[0]), () => tokenFrom(text, end)?.token, false);
    if (!found) continue;
    out.push(found.mention);
    if (found.pair) readTo = tokenFrom(text, end)?.end ?? readTo;
  }
  return out;
}

/** True when no letter or digit comes before `at` in its word, so a token starts at `at`. */
function startsToken(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && !WHITESPACE.test(text[from - 1])) from--;
  return from === at || !LETTER_OR_DIGIT.test(text.slice(from, at));
}

/** A word without the punctuation after its last letter or digit: "Mölndal)," → "Mölndal". */
function trimTrailing(word: string): string {
  const c = word.charCodeAt(word.length - 1);
  const asciiWordChar = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return asciiWordChar ? word : word.replace(TRAILING_NON_WORD, '');
}

/** The first token at or after `from`, which must not be inside a word. */
function tokenFrom(text: string, from: number): { token: string; end: number } | null {
  TOKEN.lastIndex = from;
  const m = TOKEN.exec(text);
  return m ? { token: m[0], end: m.index + m[0].length } : null;
}
