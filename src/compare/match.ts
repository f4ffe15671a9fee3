/**
 * Matching a printed label to the taxonomy, in three steps, each kept as the mapping's method:
 *
 * 1. `exact`: the normalised label equals a normalised variant ("Individ och familjeomsorg").
 * 2. `stem`: the same content words after Swedish stemming, in any order.
 * 3. `fuzzy`: content words paired by Jaro-Winkler over stems and words ("Nettoreultat" →
 *    "Nettoresultat"); the score weighs how much of the variant the label covers above how
 *    much of the label the variant covers, since labels add qualifiers ("Investeringar,
 *    utgifter") more often than they drop words.
 *
 * Below MIN_SCORE, or when two terms score within MIN_MARGIN of each other, the label stays
 * unmapped and the best candidate is kept for `kommunrapport unmapped`.
 */
import type { Taxonomy, Term, TermKind } from './taxonomy.js';
import { normalise, wordSimilarity, type LabelText } from './text.js';

export type MatchMethod = 'exact' | 'stem' | 'fuzzy' | 'contains' | 'path' | 'none';

/**
 * The lowest fuzzy score that maps. A misspelt one-word label scores about 0.98
 * ("Nettoreultat" against "Nettoresultat"); a label that adds one unexplained word to a
 * one-word variant scores 0.9 ("Lokalt aktivitetsstöd" against "Lokaler"), which is exactly
 * the doubt that should stay unmapped and be listed.
 */
export const MIN_SCORE = 0.92;
/** The best term must beat the best other term by this much, or the label is ambiguous. */
export const MIN_MARGIN = 0.03;
/** Share of a fuzzy score given to covering the variant's words (the rest: the label's). */
export const RECALL_WEIGHT = 0.8;
/** Two words are "the same word" in an indicator name at this similarity (stems or words). */
export const WORD_MATCH = 0.95;

export interface LabelMatch {
  /** The mapped term, or null when unmapped. */
  term: Term | null;
  method: MatchMethod;
  score: number;
  /** Best term found even when below the threshold (equals `term` when mapped). */
  candidate: Term | null;
  candidateScore: number;
  /** Why an unmatched label was left: 'below-threshold', 'ambiguous', 'empty'. */
  reason: string | null;
  text: LabelText;
}

function sameStems(a: LabelText, b: LabelText): boolean {
  if (a.stems.length !== b.stems.length || a.stems.length === 0) return false;
  const x = [...a.stems].sort();
  const y = [...b.stems].sort();
  return x.every((s, i) => s === y[i]);
}

/** For each word of `from`, the best similarity to a word of `to`. */
function coverage(from: LabelText, to: LabelText): number[] {
  return from.words.map((w, i) =>
    Math.max(0, ...to.words.map((u, j) => wordSimilarity(w, from.stems[i], u, to.stems[j]))),
  );
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

interface Scored {
  term: Term;
  method: Exclude<MatchMethod, 'none' | 'path' | 'contains'>;
  score: number;
}

function scoreVariant(label: LabelText, v: LabelText): Pick<Scored, 'method' | 'score'> {
  if (label.norm === v.norm) return { method: 'exact', score: 1 };
  if (sameStems(label, v)) return { method: 'stem', score: 1 };
  if (label.words.length === 0 || v.words.length === 0) return { method: 'fuzzy', score: 0 };
  const recall = mean(coverage(v, label));
  const precision = mean(coverage(label, v));
  return { method: 'fuzzy', score: RECALL_WEIGHT * recall + (1 - RECALL_WEIGHT) * precision };
}

const METHOD_RANK = { exact: 3, stem: 2, fuzzy: 1 } as const;

function better(a: Scored, b: Scored | undefined): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  return METHOD_RANK[a.method] > METHOD_RANK[b.method];
}

function decide(scored: Scored[], text: LabelText): LabelMatch {
  scored.sort((a, b) => b.score - a.score || METHOD_RANK[b.method] - METHOD_RANK[a.method]);
  const [best, second] = scored;
  if (!best || best.score === 0) {
    return { term: null, method: 'none', score: 0, candidate: null, candidateScore: 0, reason: 'no-candidate', text };
  }
  const base = { candidate: best.term, candidateScore: round(best.score), text };
  if (best.method === 'fuzzy' && best.score < MIN_SCORE) {
    return { ...base, term: null, method: 'none', score: round(best.score), reason: 'below-threshold' };
  }
  // Two terms equally good: an exact variant listed twice is a taxonomy bug, a fuzzy tie is doubt.
  if (second && second.term.key !== best.term.key && best.score - second.score < MIN_MARGIN) {
    return { ...base, term: null, method: 'none', score: round(best.score), reason: `ambiguous: ${best.term.key} or ${second.term.key}` };
  }
  return { ...base, term: best.term, method: best.method, score: round(best.score), reason: null };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Best term of the given kinds for a budget row label. */
export function matchLabel(label: string, taxonomy: Taxonomy, kinds: readonly TermKind[] = ['area', 'line']): LabelMatch {
  const text = normalise(label, taxonomy.totals);
  if (text.norm === '') {
    return { term: null, method: 'none', score: 0, candidate: null, candidateScore: 0, reason: 'empty', text };
  }
  // Best variant per term, then terms against each other.
  const perTerm: Scored[] = [];
  for (const term of taxonomy.terms) {
    if (!kinds.includes(term.kind)) continue;
    let best: Scored | undefined;
    for (const v of term.variants) {
      const s: Scored = { term, ...scoreVariant(text, v) };
      if (better(s, best)) best = s;
    }
    if (best) perTerm.push(best);
  }
  return decide(perTerm, text);
}

/**
 * An indicator name is a sentence ("Antal hushåll med försörjningsstöd, varav barnfamiljer"),
 * so it maps to the area one of whose variants or indicator terms it contains word for word
 * (stems or near-identical words). The term with more words wins ("barn och ungdom" over
 * "institution"); equal terms of different areas leave it ambiguous.
 */
export function matchIndicator(name: string, taxonomy: Taxonomy): LabelMatch {
  const text = normalise(name);
  let best: { term: Term; words: number; score: number } | undefined;
  let rival: { term: Term; words: number; score: number } | undefined;
  for (const term of taxonomy.terms) {
    if (term.kind !== 'area') continue;
    let termBest: { words: number; score: number } | undefined;
    for (const v of [...term.variants, ...term.indicatorTerms]) {
      if (v.words.length === 0) continue;
      const cov = coverage(v, text);
      if (cov.some((c) => c < WORD_MATCH)) continue;
      const s = { words: v.words.length, score: round(mean(cov)) };
      if (!termBest || s.words > termBest.words || (s.words === termBest.words && s.score > termBest.score)) termBest = s;
    }
    if (!termBest) continue;
    const cand = { term, ...termBest };
    if (!best || cand.words > best.words || (cand.words === best.words && cand.score > best.score)) {
      if (best && best.term.key !== term.key) rival = best;
      best = cand;
    } else if (!rival || cand.words > rival.words || (cand.words === rival.words && cand.score > rival.score)) {
      rival = cand;
    }
  }
  if (!best) return { term: null, method: 'none', score: 0, candidate: null, candidateScore: 0, reason: 'no-candidate', text };
  const base = { candidate: best.term, candidateScore: best.score, text };
  // A parent and its child (ifo, ifo_barn_unga) agree; two unrelated areas at equal strength do not.
  const related = (a: Term, b: Term) => a.parent === b.key || b.parent === a.key;
  if (rival && rival.words === best.words && !related(best.term, rival.term)) {
    return { ...base, term: null, method: 'none', score: best.score, reason: `ambiguous: ${best.term.key} or ${rival.term.key}` };
  }
  return { ...base, term: best.term, method: 'contains', score: best.score, reason: null };
}
