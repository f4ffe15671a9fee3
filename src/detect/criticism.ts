/**
 * Revision criticism from prose. Revisorer print their verdict on an organ as a sentence, never
 * a table: "riktar revisorerna kritik mot grundskolenämnden i form av en anmärkning", "kritik
 * i form av en erinran till Älvstranden Utveckling AB", "riktar en anmärkning mot
 * socialnämnden", "Vi avstyrker att ansvarsfrihet beviljas för socialnämnden". A record needs
 * both the grade and the organ in the same sentence; a grade without an organ is a warning,
 * since the definitions ("En anmärkning kan … lämnas med eller utan tillstyrkt ansvarsfrihet")
 * and summaries ("I år riktar vi kritik till …") name one or the other, not both.
 *
 * The goal text is the heading of the article the sentence stands under (the matter); the
 * grade sentence, with any exemption that follows ("… undantas från kritiken"), is the
 * assessment text. Past-tense criticism with a year ("År 2022 riktades kritik mot …") is a
 * follow-up of an earlier year and says so in its level.
 */
import type { Goal } from '../model/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../model/diagnostic.js';
import type { Sentence } from './prose-sentences.js';

export interface CriticismContext {
  sectionAt: (blockIndex: number) => string | null;
  /** Title of the last heading at or before a block, or null. */
  headingAbove: (blockIndex: number) => string | null;
}

interface Found { grade: string; organ: string | null }

const GRADE = '(anmärkning|erinran)';
/** Where an organ's name ends: punctuation, or a clause that gives the reason or the exemption. */
// (Lookarounds, not \b: \b knows only ASCII letters, so "då\b" never matches.)
const ORGAN_END = String.raw`(?=\s*[.,;:(]|\s+(?:eftersom|då|därför|med anledning|på grund|för att|och att|samt att)(?!\p{L})|$)`;

/** Patterns that hold both grade and organ, in the orders Swedish audit prose uses. */
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Found }[] = [
  // "kritik mot grundskolenämnden i form av en anmärkning"
  { re: new RegExp(String.raw`\bkritik\s+(?:mot|till)\s+(.{3,160}?)\s+i\s+form\s+av\s+(?:en\s+)?${GRADE}\b`, 'iu'), read: (m) => ({ organ: m[1], grade: m[2] }) },
  // "kritik i form av en erinran till Älvstranden Utveckling AB"
  { re: new RegExp(String.raw`\bkritik\s+i\s+form\s+av\s+(?:en\s+)?${GRADE}\s+(?:mot|till)\s+(.{3,160}?)${ORGAN_END}`, 'iu'), read: (m) => ({ grade: m[1], organ: m[2] }) },
  // "riktar (revisorerna) en anmärkning mot socialnämnden", "anmärkning riktas mot …"
  { re: new RegExp(String.raw`\b(?:rikta[rs]?|riktade[s]?|lämna[rs]?|lämnade[s]?)\s+(?:\p{L}+\s+){0,2}?(?:en\s+)?${GRADE}\s+(?:mot|till)\s+(.{3,160}?)${ORGAN_END}`, 'iu'), read: (m) => ({ grade: m[1], organ: m[2] }) },
  { re: new RegExp(String.raw`\b(?:en\s+)?${GRADE}\s+(?:riktas|riktades|lämnas|lämnades)\s+(?:mot|till)\s+(.{3,160}?)${ORGAN_END}`, 'iu'), read: (m) => ({ grade: m[1], organ: m[2] }) },
  // "Vi avstyrker att ansvarsfrihet beviljas för socialnämnden", "tillstyrker att fullmäktige beviljar ansvarsfrihet för …"
  { re: new RegExp(String.raw`\b(tillstyrker|avstyrker)\b[^.]{0,80}?\bansvarsfrihet\b(?:\s+beviljas|\s+ges)?\s+(?:för|åt)\s+(.{3,200}?)${ORGAN_END}`, 'iu'), read: (m) => ({ grade: `${m[1].toLowerCase()} ansvarsfrihet`, organ: m[2] }) },
];

/** A sentence that names a grade at all: only these are candidates (or warnings). */
const MENTIONS_GRADE = /\b(anmärkning|erinran|(till|av)styrker\b.*\bansvarsfrihet)\b/iu;
/**
 * The words MENTIONS_GRADE needs, without its word boundaries (same flags, so the same letters
 * match): tried first, since few sentences hold one and the pattern with \b is slow to fail.
 */
const GRADE_WORD = /anmärkning|erinran|styrker/iu;
/** Criticism the revisorer decline or describe in general: no record. */
const NEGATED = /\b(ingen|inte|ej|utan)\s+(?:\p{L}+\s+){0,2}?(kritik|anmärkning|erinran)\b/iu;
const GENERIC = /\b(kan|får|ska|skulle|kunde)\s+(?:\p{L}+\s+){0,4}?(rikta|lämna|riktas|lämnas)\b|\bgraderas\b|\bbegreppen\b|^(om|när|ifall)\s/iu;
const PAST = /\b(riktades|riktade|lämnades|lämnade)\b/iu;
const YEAR = /\b(?:19|20)\d{2}\b/;
const EXEMPTION = /\bundantas\b|\bundantag\b/iu;

export function detectCriticism(sentences: Sentence[], ctx: CriticismContext, diagnostics?: Diagnostic[]): Goal[] {
  const goals: Goal[] = [];
  sentences.forEach((s, k) => {
    if (!GRADE_WORD.test(s.text) || !MENTIONS_GRADE.test(s.text) || NEGATED.test(s.text) || GENERIC.test(s.text)) return;
    const found = matchCriticism(s.text);
    if (!found) {
      if (/\bkritik\b|\bansvarsfrihet\b/iu.test(s.text) && /\b(rikta|lämna|avstyrk|tillstyrk)/iu.test(s.text)) {
        diagnostics?.push(warning('criticism:unread', `A grade without a recognisable organ: ${clip(s.text, 160)}`, s));
      }
      return;
    }
    const next = sentences[k + 1];
    const exemption = next && next.paragraph === s.paragraph && EXEMPTION.test(next.text) ? ` ${next.text}` : '';
    goals.push({
      kind: 'revision_criticism',
      organ: found.organ,
      sectionId: ctx.sectionAt(s.blockIndex),
      level: levelOf(s.text),
      text: ctx.headingAbove(s.blockIndex) ?? `Revisionskritik mot ${found.organ}`,
      assessmentText: `${s.text}${exemption}`,
      // Anmärkning and erinran grade the organ's conduct, not a goal's fulfilment.
      assessment: 'unknown',
      tableId: null,
      page: s.page,
      line: s.line,
    });
  });
  return goals;
}

export function matchCriticism(sentence: string): Found | null {
  for (const { re, read } of PATTERNS) {
    const m = re.exec(sentence);
    if (!m) continue;
    const f = read(m);
    const organ = cleanOrgan(f.organ);
    if (organ) return { grade: f.grade.toLowerCase(), organ };
  }
  return null;
}

/** "Revisionskritik", or "Revisionskritik 2022" for a follow-up of an earlier year's criticism. */
function levelOf(sentence: string): string {
  const year = PAST.test(sentence) ? YEAR.exec(sentence)?.[0] : undefined;
  return year ? `Revisionskritik ${year}` : 'Revisionskritik';
}

/** The organ as printed, without a trailing year or article; null when it is no name at all. */
function cleanOrgan(organ: string | null): string | null {
  if (!organ) return null;
  const o = organ.replace(/\s+(?:år\s+)?(?:19|20)\d{2}$/u, '').replace(/^(?:den|det|de)\s+/iu, '').trim();
  if (o.length < 3 || !/\p{L}{3}/u.test(o)) return null;
  // A name holds no clause: a verb or "att" means the match ran over the organ into other text
  // (two-column pages read across the columns).
  if (/(?<!\p{L})(i\s+form\s+av|att|som|har|hade|är|var|blev|den)(?!\p{L})/iu.test(o)) return null;
  // "en styrelse, en nämnd": the general case, not a named organ.
  if (/^(en|ett|någon|något|varje|alla)\s/iu.test(o)) return null;
  return o;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
