/**
 * Goals and their assessments from running text. Three layouts in the seeds:
 * - Hjo: "Kommunfullmäktiges prioriterade mål 4:" / "Uppfyllt" / goal text (or the goal text
 *   inline after the colon: "…mål 8:**Hjo kommun ska …**").
 * - Tyresö/Alingsås (Stratsys): "STRATEGISKT MÅL" / "NÄMNDMÅL" / "NÄMNDENS ÅTAGANDE" label,
 *   goal text, then "Bedömning" with the assessment on the next line.
 * - Uppdrag: a title or first line, description, then "Status" / " Påbörjad" (or inline
 *   "Status  Påbörjad"), then "Kommentar:" and one paragraph.
 * The assessment text is kept as printed; `assessment` is its normalised reading.
 * Verdicts printed as sentences (revisionsberättelser, årsredogörelser) come from
 * criticism.ts and prose-goals.ts, appended after the labelled goals.
 */
import type { Block, LineBlock } from '../model/source-doc.js';
import type { Goal } from '../model/index.js';
import { normalizeSpace } from './cell-shape.js';
import type { HeadingCandidate } from './headings.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { lineTexts, proseSentences } from './prose-sentences.js';
import { detectCriticism } from './criticism.js';
import { detectProseGoals } from './prose-goals.js';

export type AssessmentOf = (text: string) => Goal['assessment'];

/** Opening labels and the level name each gives its goal. */
const OPENERS: [RegExp, string][] = [
  [/^kommunfullmäktiges\s+prioriterade\s+mål\s*([\dIVX]+)?\s*:?\s*(.*)$/i, 'Kommunfullmäktiges prioriterade mål'],
  [/^kommunstyrelsens\s+mål\s*(\d{1,2})\s*:?\s*(.*)$/i, 'Kommunstyrelsens mål'],
  [/^(strategiskt mål)()$/i, 'Strategiskt mål'],
  [/^(prioriterat mål)()$/i, 'Prioriterat mål'],
  [/^(nämndmål)\s*:?()$/i, 'Nämndmål'],
  [/^(fullmäktigemål)\s*:?()$/i, 'Fullmäktigemål'],
  [/^(nämndens åtagande)()$/i, 'Nämndens åtagande'],
];

/** The words the opening labels start with: a line starting otherwise needs no pattern tried. */
const OPENER_START = /^(?:kommun(?:fullmäktiges|styrelsens)|strategiskt|prioriterat|nämnd|fullmäktigemål)/i;

const ASSESSMENT_LABEL = /^(bedömning|måluppfyllelse)\s*:?\s*$/i;
const STATUS_INLINE = /^status\s*:?\s*(.*)$/i;

interface Open { level: string; text: string | null; block: LineBlock; assessmentText: string | null }

export function detectGoals(
  blocks: Block[], skip: Set<number>, headingBlocks: Map<number, HeadingCandidate['kind']>, sectionAt: (blockIndex: number) => string | null,
  assess: AssessmentOf, diagnostics?: Diagnostic[],
): Goal[] {
  const goals: Goal[] = [];
  let open: Open | null = null;
  let uppdragStart: number | null = null;
  const close = (sectionId: string | null) => {
    if (open && open.text) goals.push(toGoal(open, sectionId, assess));
    open = null;
  };
  // Normalised once here and read again by goalsFromProse.
  const texts = lineTexts(blocks, skip);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as LineBlock;
    const text = texts[i];
    if (text === null || text === '') continue;
    // The section is looked up only for a line that closes or makes a goal: the lookup
    // walks the headings, and most lines do neither.
    const opener = matchOpener(text);
    if (opener) {
      close(sectionAt(i));
      open = { level: opener.level, text: opener.inline || null, block: b, assessmentText: null };
      uppdragStart = null;
      continue;
    }
    // The next line is looked for only under a label that reads it.
    const labelled = ASSESSMENT_LABEL.test(text);
    const status = STATUS_INLINE.exec(text);
    const next = labelled || status ? nextLine(blocks, i, skip) : null;
    if (labelled && next) {
      if (open) {
        const sec = sectionAt(i);
        const cand = normalizeSpace(next.text);
        // Hjo writes "Bedömning:" before prose; only a short verdict line is the assessment
        // (the length first: reading a long line's verdict costs more).
        if (!open.assessmentText && (cand.length <= 40 || assess(cand) !== 'unknown')) { open.assessmentText = cand; i = next.index; }
        close(sec);
      }
      continue;
    }
    if (status && (status[1] || next)) {
      const statusText = status[1] ? status[1] : normalizeSpace(next!.text);
      const titleBlock = uppdragStart !== null ? blocks[uppdragStart] as LineBlock : null;
      if (titleBlock) {
        goals.push(toGoal({ level: 'Uppdrag', text: normalizeSpace(titleBlock.text), block: titleBlock, assessmentText: statusText }, sectionAt(i), assess));
      }
      if (!status[1]) i = next!.index;
      uppdragStart = skipComment(blocks, i, skip);
      continue;
    }
    if (open && !open.text) {
      if (text.length <= 40 && assess(text) !== 'unknown') open.assessmentText = text;
      else open.text = text;
      continue;
    }
    // A short title heading can itself name the next uppdrag ("Konkurrensutsättning");
    // a structural or upper-case heading only opens the ground for one.
    const heading = headingBlocks.get(i);
    if (heading === 'short' || heading === 'runin') { uppdragStart = i; continue; }
    if (heading) { uppdragStart = nextIndex(blocks, i, skip); continue; }
    // "…har gett samtliga nämnder i uppdrag:" introduces the uppdrag below it.
    if (text.endsWith(':') && /\buppdrag\b/i.test(text)) { uppdragStart = nextIndex(blocks, i, skip); continue; }
    if (uppdragStart === null) uppdragStart = i;
  }
  close(null);
  return [...goals, ...goalsFromProse(blocks, skip, texts, headingBlocks, sectionAt, diagnostics)];
}

/**
 * Verdicts written as sentences (audit reports): revision criticism and hedged goal
 * assessments. `diagnostics` receives their doubts (unread verdicts, conflicting ones).
 */
function goalsFromProse(
  blocks: Block[], skip: Set<number>, texts: (string | null)[], headingBlocks: Map<number, HeadingCandidate['kind']>, sectionAt: (blockIndex: number) => string | null,
  diagnostics?: Diagnostic[],
): Goal[] {
  const headings = new Set(headingBlocks.keys());
  const sentences = proseSentences(blocks, skip, headings, texts);
  // The matter criticised is the article's heading; run-in subheads in the article are claims
  // ("Nämndens beslut var olagliga …"), not its subject.
  const articles = [...headingBlocks].filter(([, kind]) => kind !== 'runin').map(([i]) => i).sort((a, b) => a - b);
  const headingAbove = (i: number): string | null => {
    let found: number | null = null;
    for (const h of articles) { if (h > i) break; found = h; }
    return found === null ? null : normalizeSpace((blocks[found] as LineBlock).text);
  };
  return [
    ...detectCriticism(sentences, { sectionAt, headingAbove }, diagnostics),
    ...detectProseGoals(sentences, { sectionAt }, diagnostics),
  ];
}

function matchOpener(text: string): { level: string; inline: string } | null {
  if (!OPENER_START.test(text)) return null;
  for (const [re, level] of OPENERS) {
    const m = re.exec(text);
    if (m) return { level, inline: normalizeSpace(m[2] ?? '') };
  }
  return null;
}

function toGoal(o: Open, sectionId: string | null, assess: AssessmentOf): Goal {
  return {
    sectionId,
    level: o.level,
    // List markers are layout, not part of the goal ("- Nya teknikområden …").
    text: (o.text ?? '').replace(/^[-–—•▪◦*]\s+/u, ''),
    assessmentText: o.assessmentText,
    assessment: o.assessmentText ? assess(o.assessmentText) : 'unknown',
    tableId: null,
    page: o.block.page,
    line: o.block.line,
  };
}

/** The next line with visible text (Word documents hold paragraphs of only a space). */
function nextIndex(blocks: Block[], i: number, skip: Set<number>): number | null {
  for (let j = i + 1; j < blocks.length; j++) {
    const b = blocks[j];
    if (!skip.has(j) && b.kind === 'line' && b.text.trim() !== '') return j;
  }
  return null;
}

function nextLine(blocks: Block[], i: number, skip: Set<number>): { text: string; index: number } | null {
  const j = nextIndex(blocks, i, skip);
  return j === null ? null : { text: (blocks[j] as LineBlock).text, index: j };
}

/** After a status: an optional "Kommentar:" label and one paragraph; the next uppdrag starts after. */
function skipComment(blocks: Block[], i: number, skip: Set<number>): number | null {
  let j = nextIndex(blocks, i, skip);
  if (j !== null && /^kommentar\s*:?\s*$/i.test((blocks[j] as LineBlock).text.trim())) j = nextIndex(blocks, j, skip);
  return j === null ? null : nextIndex(blocks, j, skip);
}
