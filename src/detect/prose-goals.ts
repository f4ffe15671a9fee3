/**
 * Goal assessments printed as prose, as revisorer (and årsredovisningar) write them:
 * - "resultatet i årsredovisningen i huvudsak är förenligt med de finansiella målen …"
 * - "det inte är möjligt att avgöra om resultatet … är förenligt med de verksamhetsmål …"
 * - "Göteborgs Stad når upp till balanskravet 2024", "bedöms uppfylla balanskravet"
 * - "det föreligger god ekonomisk hushållning"
 * - "måluppfyllelse för tre av de fyra finansiella målen" (all → met, none → not met, else partly)
 * - "För målet X fanns det en negativ avvikelse" (→ not met)
 *
 * Each rule cuts out the verdict clause and the goal it names; the clause is read by
 * normalizeProseVerdict only, so words elsewhere in a long sentence cannot decide it. A
 * clause asked as a question ("bedöma om resultatet …", "om kommunen uppfyller
 * balanskravet") or stated of the future is no verdict. A clause whose verdict cannot be read
 * is a warning, not a record; two different verdicts on one goal are both kept, with a warning.
 */
import type { Assessment, Goal } from '../model/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../model/diagnostic.js';
import { normalizeProseVerdict } from '../normalize/status.js';
import type { Sentence } from './prose-sentences.js';

interface Verdict { goal: string; clause: string; assessment?: Assessment }

const QUALIFIER = String.raw`(?:i\s+huvudsak|i\s+allt\s+väsentligt|i\s+stort\s+sett|delvis|inte|ej)`;
/** The goal a "förenligt med" clause names: up to "som fullmäktige …" or the end of the clause. */
const OBJECT = String.raw`(?:de|den|det|fullmäktiges)?\s*(.{3,120}?)(?=\s+som\b|\s+och\s+att\b|[.,;:]|$)`;
/** Words between "att" and "resultatet" ("att det samlade resultatet"), never "om" (a question). */
const BEFORE_RESULT = String.raw`(?:(?!om\b|huruvida\b)\p{L}+\s+){0,3}?`;
const RESULT = String.raw`(?:resultatet|utfallet)\b[^.]{0,80}?`;
const YEAR = String.raw`(?:\s+(?:för\s+)?(?:år\s+)?((?:19|20)\d{2}))?`;

const NUMBERS: Record<string, number> = {
  ett: 1, en: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12,
};

/**
 * A rule reads a verdict from a sentence. `needs` are words its patterns cannot match without
 * (same flags, so the same letters match): most sentences lack one, and a word fails far
 * faster than a pattern, which backtracks at every word.
 */
interface Rule { needs: RegExp[]; read: (sentence: string) => Verdict | null }

// Compiled once: the rules run on every sentence of every document.
const STATED = new RegExp(String.raw`\batt\s+${BEFORE_RESULT}${RESULT}\s+((?:${QUALIFIER}\s+)?är\s+(?:${QUALIFIER}\s+)?förenlig[ta])\s+med\s+${OBJECT}`, 'iu');
const NOT_ASSESSABLE = new RegExp(String.raw`((?:inte|ej)\s+(?:är\s+)?möjligt\s+att\s+(?:avgöra|bedöma)|är\s+(?:inte|ej)\s+möjligt\s+att\s+(?:avgöra|bedöma)|går\s+(?:inte|ej)\s+att\s+(?:avgöra|bedöma)|kan\s+(?:vi\s+)?(?:inte|ej)\s+(?:avgöra|bedöma))\s+(?:om|huruvida)\s+${BEFORE_RESULT}${RESULT}\s+förenlig[ta]\s+med\s+${OBJECT}`, 'iu');
const BALANSKRAV = new RegExp(String.raw`((?:(?:inte|ej)\s+)?(?:når|nått|nådde|uppfyller|uppfylla|uppfyllt|uppfyllde|klarar|klara|klarade)\s+(?:(?:inte|ej)\s+)?(?:upp\s+till\s+)?balanskravet)${YEAR}`, 'iu');
const COUNT = String.raw`(\d{1,2}|\p{L}+)\s+av\s+(?:de\s+|totalt\s+)?(\d{1,2}|\p{L}+)\s+((?:\p{L}+\s+)?\p{L}*mål(?:en)?)\b`;
const COUNT_MET = new RegExp(String.raw`\b(?:måluppfyllelse\s+för|uppfyllde|uppnådde|nådde|klarade)\s+${COUNT}`, 'iu');
const COUNT_PASSIVE = new RegExp(String.raw`\b${COUNT}\s+(?:har\s+|hade\s+)?(?:uppfyllts|uppnåtts|nåtts|uppfylldes|uppnåddes|nåddes|uppfylls|uppnås|nås|är\s+uppfyllda|var\s+uppfyllda)\b`, 'iu');
/** Every rule needs one of these words: sentences without any skip the rules. */
const CUE = /förenlig|balanskrav|hushållning|mål|avvikelse/iu;

const RULES: Rule[] = [
  // Stated verdict: "att resultatet … i huvudsak är förenligt med de finansiella målen …"
  {
    needs: [/förenlig/iu],
    read: (s) => {
      const m = STATED.exec(s);
      return m && !askedBefore(s, m.index) ? { clause: m[1], goal: goalName(m[2]) } : null;
    },
  },
  // Not assessable: "det inte är möjligt att avgöra om resultatet … är förenligt med de verksamhetsmål …"
  {
    needs: [/förenlig/iu],
    read: (s) => {
      const m = NOT_ASSESSABLE.exec(s);
      return m ? { clause: m[1], goal: goalName(m[2]) } : null;
    },
  },
  // "når upp till balanskravet 2024", "bedöms uppfylla balanskravet", "klarar inte balanskravet"
  {
    needs: [/balanskravet/iu],
    read: (s) => {
      const m = BALANSKRAV.exec(s);
      return m && !askedBefore(s, m.index) ? { clause: m[1], goal: m[2] ? `Balanskravet ${m[2]}` : 'Balanskravet' } : null;
    },
  },
  // "det föreligger god ekonomisk hushållning"
  {
    needs: [/hushållning/iu],
    read: (s) => {
      const m = /((?:(?:inte|ej|delvis)\s+)?föreligger\s+(?:(?:inte|ej|delvis)\s+)?god\s+ekonomisk\s+hushållning)/iu.exec(s);
      return m && !askedBefore(s, m.index) ? { clause: m[1], goal: 'God ekonomisk hushållning' } : null;
    },
  },
  // "måluppfyllelse för tre av de fyra finansiella målen", "två av fem verksamhetsmål har uppnåtts"
  {
    // Both count patterns read "N av M …mål" and a verb (COUNT_MET's, or COUNT_PASSIVE's
    // "uppfyllts", "uppnåddes", "nåtts", "uppnås" …).
    needs: [/\sav\s/iu, /uppfyll|nådde|nåtts|nås|klarade/iu],
    read: (s) => {
      const m = COUNT_MET.exec(s) ?? COUNT_PASSIVE.exec(s);
      if (!m || askedBefore(s, m.index)) return null;
      const goal = goalName(m[3]);
      // "tre av de fyra målen" names no goal.
      if (/^mål$/iu.test(goal)) return null;
      return { clause: m[0], goal, assessment: shareVerdict(m[1], m[2]) };
    },
  },
  // "För målet exploateringsverksamheten ska vara i balans fanns det en negativ avvikelse"
  {
    needs: [/avvikelse/iu],
    read: (s) => {
      const m = /\bför\s+målet\s+(.{5,120}?)\s+(?:fanns\s+det|fanns|finns\s+det|finns|var\s+det|blev\s+det|redovisas|redovisades)\s+(?:en\s+)?(negativ\s+avvikelse)\b/iu.exec(s);
      return m ? { clause: m[2], goal: goalName(m[1]) } : null;
    },
  },
];

export interface ProseGoalContext { sectionAt: (blockIndex: number) => string | null }

export function detectProseGoals(sentences: Sentence[], ctx: ProseGoalContext, diagnostics?: Diagnostic[]): Goal[] {
  const goals: Goal[] = [];
  const seen = new Map<string, Assessment>();
  for (const s of sentences) {
    if (!CUE.test(s.text)) continue;
    for (const rule of RULES) {
      const v = rule.needs.every((w) => w.test(s.text)) ? rule.read(s.text) : null;
      if (!v) continue;
      const assessment = v.assessment ?? normalizeProseVerdict(v.clause);
      if (assessment === 'unknown') {
        diagnostics?.push(warning('assessment:unread', `A verdict on "${v.goal}" that could not be read: ${clip(s.text, 160)}`, s));
        continue;
      }
      const key = v.goal.toLowerCase();
      const before = seen.get(key);
      // The same verdict repeated (summary, then the revisorer's own words) is one record.
      if (before === assessment) continue;
      if (before) diagnostics?.push(warning('assessment:conflict', `"${v.goal}" is assessed both ${before} and ${assessment}`, s));
      seen.set(key, assessment);
      goals.push({
        sectionId: ctx.sectionAt(s.blockIndex), level: null, text: v.goal, assessmentText: clip(s.text, 600), assessment,
        tableId: null, page: s.page, line: s.line,
      });
    }
  }
  return goals;
}

/** A clause asked ("bedöma om …", "huruvida …") or in the future ("ska", "kommer att") is no verdict. */
function askedBefore(sentence: string, at: number): boolean {
  const before = sentence.slice(Math.max(0, at - 60), at);
  const lastWords = before.split(/\s+/).slice(-6).join(' ');
  return /\b(om|huruvida|ska|skall|kommer\s+att|för\s+att|förväntas|beräknas|prognos\p{L}*)\s*(\p{L}+\s+){0,4}$/iu.test(`${lastWords} `);
}

/** all → met, none → not met, some → partly met; anything not a clear count → unknown (a warning). */
function shareVerdict(part: string, whole: string): Assessment {
  const n = toNumber(part);
  const of = toNumber(whole);
  if (n === null || of === null || n > of || of === 0) return 'unknown';
  return n === of ? 'met' : n === 0 ? 'not_met' : 'partly_met';
}

function toNumber(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBERS[word.toLowerCase()] ?? null;
}

/** Goal name from prose: definite "målen" to the label's "mål", first letter upper-case. */
function goalName(printed: string): string {
  const t = printed.trim().replace(/(\p{L}*mål)en\b/giu, '$1').replace(/["”]/g, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
