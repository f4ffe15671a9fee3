/**
 * Label text for matching: a normalised form (for exact variants) and stemmed tokens (for the
 * fuzzy step). Budget labels carry qualifiers that do not change what a row is ("Lönekostnad
 * exkl arvoden", "Arbetad tid (årsarbetare)") and lead words that say how it relates to other
 * rows ("Summa kostnader", "varav temporära boenden"); both are taken off here and reported.
 */
import { createRequire } from 'node:module';

// natural's index loads database clients and prints dotenv notices on stdout, so load only
// the three files used.
const require = createRequire(import.meta.url);
const stemmer = require('natural/lib/natural/stemmers/porter_stemmer_sv.js') as { stem(word: string): string };
const AggressiveTokenizerSv = require('natural/lib/natural/tokenizers/aggressive_tokenizer_sv.js') as new () => {
  tokenize(text: string): string[];
};
export const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance.js') as (
  a: string,
  b: string,
  options?: { ignoreCase?: boolean },
) => number;

const tokenizer = new AggressiveTokenizerSv();

/** Function words that name nothing; "m.m." (med mera) and "mm" end open lists. */
const STOPWORDS = new Set(['och', 'i', 'av', 'för', 'till', 'med', 'på', 'om', 'per', 'samt', 'mm', 'm', 'inom']);

/** Words that open a label and say the row is a part of the row above ("varav", "därav"). */
const PART_WORDS = /^(varav|därav|varav:|därav:)\s+/;

export interface LabelText {
  /** Lower case, '&' as "och", punctuation as spaces, qualifiers and lead words removed. */
  norm: string;
  /** Stemmed content words of `norm`. */
  stems: string[];
  /** Unstemmed content words of `norm` (for Jaro-Winkler, which likes whole words). */
  words: string[];
  /** Started with a total word ("Summa", "Totalt"); the rest of the label is kept. */
  total: boolean;
  /** Started with "varav"/"därav". */
  part: boolean;
}

export function normalise(label: string, totalWords: readonly string[] = []): LabelText {
  let s = label.normalize('NFC').toLowerCase().trim();
  // Footnote markers and trailing colons: "Totalt:", "Resultat¹".
  s = s.replace(/[\u00b9\u00b2\u00b3\u2070-\u2079*]+/g, '').replace(/[:;.]+$/, '').trim();
  // Qualifiers: a parenthesis, or an "exkl"/"inkl"/"exklusive"/"inklusive" clause to the end.
  s = s.replace(/\([^)]*\)/g, ' ').replace(/\s(exkl|inkl|exklusive|inklusive)\b\.?.*$/, ' ');
  s = s.replace(/&/g, ' och ').replace(/\bm\.\s?m\.?/g, ' ');
  let part = false;
  if (PART_WORDS.test(s)) {
    part = true;
    s = s.replace(PART_WORDS, '');
  }
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  let total = false;
  // Longest total word first, so "summa totalt" goes whole.
  for (const w of [...totalWords].sort((a, b) => b.length - a.length)) {
    if (s === w || s.startsWith(w + ' ')) {
      total = true;
      s = s.slice(w.length).trim();
      break;
    }
  }
  const words = tokenizer
    .tokenize(s)
    .map((t) => t.replace(/-+$/, ''))
    // One-letter tokens are placeholders ("Investering X") or list letters.
    .filter((t) => t.length > 1 && !STOPWORDS.has(t) && !/^\d+$/.test(t));
  return { norm: s, words, stems: words.map((w) => stemmer.stem(w)), total, part };
}

/**
 * How alike two content words are: 1 when their stems agree, else the better Jaro-Winkler
 * similarity of the stems and of the whole words. PorterStemmerSv cuts "kostnader" to
 * "kostnad" but "kostnad" to "kostn", so the stems alone disagree on singular and plural.
 */
export function wordSimilarity(aWord: string, aStem: string, bWord: string, bStem: string): number {
  if (aStem === bStem || aWord === bWord) return 1;
  const jw = Math.max(jaroWinkler(aStem, bStem), jaroWinkler(aWord, bWord));
  return jw >= WORD_FLOOR ? jw : 0;
}

/**
 * Below this Jaro-Winkler similarity two words are different words and count 0, not 0.6:
 * unrelated Swedish words of similar length score 0.6–0.75, which would otherwise lift a
 * two-word label with one matching word over the threshold ("Lokalt aktivitetsstöd").
 */
export const WORD_FLOOR = 0.8;
