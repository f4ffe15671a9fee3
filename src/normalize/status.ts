/**
 * Activity status and goal assessment from the Swedish words (and symbols) reports print.
 *
 * Matching is on whole words after lower-casing, and the longest matching phrase wins, so
 * "Ej uppfyllt" is not read as "uppfyllt" and "Pågående med avvikelser" is not "Pågående".
 */
import type { ActivityStatus, Assessment } from '../model/index.js';

type PhraseTable<T> = ReadonlyArray<readonly [phrase: string, value: T]>;

const STATUS_PHRASES: PhraseTable<ActivityStatus> = [
  ...words('done', 'klart', 'klar', 'avslutat', 'avslutad', 'genomförd', 'genomfört', 'genomförda',
    'färdig', 'färdigt', 'slutförd', 'slutfört', 'utförd', 'utfört', 'levererad', 'levererat',
    'uppnått', 'uppnådd', 'verkställd', 'verkställt', 'implementerad', 'implementerat'),
  ...words('ongoing', 'pågår', 'pågående', 'påbörjad', 'påbörjat', 'påbörjade', 'startad', 'startat',
    'pågående enligt plan', 'pågår enligt plan', 'under arbete', 'i gång', 'igång', 'löpande',
    'delvis genomförd', 'delvis genomfört', 'delvis klar', 'delvis klart'),
  ...words('delayed', 'försenad', 'försenat', 'försenade', 'pågående med avvikelser',
    'pågående med avvikelse', 'pågår med avvikelser', 'pågår med avvikelse', 'pågår men försenad'),
  ...words('not_started', 'ej påbörjad', 'ej påbörjat', 'ej startad', 'ej startat', 'inte påbörjad',
    'inte påbörjat', 'inte startad', 'inte startat', 'ej igång', 'väntar', 'planerad', 'planerat',
    'ej pågående'),
  ...words('not_done', 'ej klart', 'ej klar', 'inte klart', 'inte klar', 'ej genomförd', 'ej genomfört',
    'inte genomförd', 'inte genomfört', 'ej utförd', 'ej utfört', 'ej slutförd', 'ej färdig',
    'ej uppnått', 'inte uppnått', 'ej avslutad', 'ej avslutat'),
  ...words('stopped', 'avbruten', 'avbrutet', 'avbrutits', 'stoppad', 'stoppat', 'vilande', 'pausad',
    'pausat', 'avvaktar', 'ställts in', 'inställd', 'struken', 'utgår', 'utgått'),
];

const STATUS_SYMBOLS: PhraseTable<ActivityStatus> = [
  ['✓', 'done'], ['✔', 'done'], ['✅', 'done'], ['☑', 'done'],
  ['▶', 'ongoing'], ['►', 'ongoing'], ['⏵', 'ongoing'],
  ['⏸', 'stopped'], ['⏹', 'stopped'],
  ['✗', 'not_done'], ['✘', 'not_done'], ['❌', 'not_done'], ['✕', 'not_done'],
];

const ASSESSMENT_PHRASES: PhraseTable<Assessment> = [
  ...words('met', 'uppfyllt', 'uppfylld', 'uppfyllda', 'helt uppfyllt', 'helt uppfylld',
    'målet är uppfyllt', 'målet är nått', 'målet nås', 'uppfylls', 'uppnått', 'helt uppnått',
    'målet är uppnått', 'värde uppnått', 'uppnåtts', 'bedöms uppfyllas', 'kommer att uppfyllas',
    'grön', 'grönt', 'green'),
  ...words('largely_met', 'i huvudsak uppfyllt', 'i huvudsak uppfylld', 'i hög grad uppfyllt',
    'i hög grad uppfylld', 'till stor del uppfyllt', 'nästan uppfyllt', 'i huvudsak uppnått',
    'i hög grad uppnått', 'till stor del uppnått'),
  ...words('partly_met', 'delvis uppfyllt', 'delvis uppfylld', 'delvis uppfyllda', 'delvis uppnått',
    'till viss del uppfyllt', 'till viss del uppnått', 'nära värde', 'nära målvärde', 'gul', 'gult',
    'yellow'),
  ...words('not_met', 'ej uppfyllt', 'ej uppfylld', 'inte uppfyllt', 'inte uppfylld', 'inte vara uppfyllt',
    'ej uppnått', 'inte uppnått', 'uppfylls ej', 'uppfylls inte', 'målet är inte uppfyllt',
    'målet är ej uppfyllt', 'bedöms inte uppfyllas', 'bedöms ej uppfyllas', 'inte uppnåtts', 'ej uppnåtts',
    'långt ifrån värde', 'långt från värde', 'värde ej uppnått', 'röd', 'rött',
    'red'),
  ...words('not_assessed', 'ej bedömt', 'ej bedömd', 'ej bedömda', 'inte bedömt', 'inte bedömd',
    'kan ej bedömas', 'kan inte bedömas', 'bedöms ej', 'bedöms inte', 'går ej att bedöma',
    'går inte att bedöma', 'ej utvärderad', 'ej utvärderat', 'inte utvärderad', 'ej mätt', 'ej mätbart',
    'ingen bedömning', 'ingen mätning'),
];

/**
 * Verdicts printed as prose in revisionsberättelser and årsredovisningar: whether "resultatet
 * är förenligt med" the goals, the balanskrav, god ekonomisk hushållning. Only ever matched
 * against the verdict clause a detector cut out (src/detect/prose-goals.ts), never against a
 * whole paragraph, so words elsewhere in the sentence cannot decide it.
 */
const PROSE_VERDICT_PHRASES: PhraseTable<Assessment> = [
  ...words('met', 'är förenligt', 'är förenliga', 'i allt väsentligt är förenligt', 'är i allt väsentligt förenligt',
    'når upp till balanskravet', 'når balanskravet', 'uppfyller balanskravet', 'uppfylla balanskravet',
    'klarar balanskravet', 'klara balanskravet', 'uppfyllt balanskravet', 'nått upp till balanskravet',
    'nådde upp till balanskravet', 'klarade balanskravet', 'uppfyllde balanskravet', 'föreligger god ekonomisk hushållning'),
  ...words('largely_met', 'i huvudsak är förenligt', 'är i huvudsak förenligt', 'i huvudsak är förenliga',
    'är i huvudsak förenliga', 'i stort sett är förenligt', 'är i stort sett förenligt'),
  ...words('partly_met', 'delvis är förenligt', 'är delvis förenligt', 'delvis är förenliga', 'är delvis förenliga',
    'delvis föreligger god ekonomisk hushållning'),
  ...words('not_met', 'inte är förenligt', 'är inte förenligt', 'ej är förenligt', 'är ej förenligt',
    'inte är förenliga', 'är inte förenliga', 'inte når upp till balanskravet', 'når inte upp till balanskravet',
    'når inte balanskravet', 'inte uppfyller balanskravet', 'uppfyller inte balanskravet', 'uppfyller ej balanskravet',
    'inte uppfylla balanskravet', 'klarar inte balanskravet', 'inte klarar balanskravet', 'inte klara balanskravet',
    'föreligger inte god ekonomisk hushållning', 'inte föreligger god ekonomisk hushållning',
    'föreligger ej god ekonomisk hushållning', 'nådde inte upp till balanskravet', 'inte nått upp till balanskravet',
    'klarade inte balanskravet', 'uppfyllde inte balanskravet', 'negativ avvikelse'),
  ...words('not_assessed', 'inte är möjligt att avgöra', 'är inte möjligt att avgöra', 'inte möjligt att avgöra',
    'inte är möjligt att bedöma', 'är inte möjligt att bedöma', 'inte möjligt att bedöma', 'går inte att avgöra',
    'går ej att avgöra', 'kan inte avgöra', 'kan vi inte avgöra', 'kan inte bedöma', 'kan vi inte bedöma',
    'kan ej bedöma'),
];

export function normalizeActivityStatus(text: string | null): ActivityStatus {
  if (text === null) return 'unknown';
  return longestPhrase(text, STATUS_PHRASES) ?? firstSymbol(text, STATUS_SYMBOLS) ?? 'unknown';
}

export function normalizeAssessment(text: string | null): Assessment {
  if (text === null) return 'unknown';
  return longestPhrase(text, ASSESSMENT_PHRASES) ?? 'unknown';
}

/**
 * The assessment a prose verdict clause states ("resultatet i huvudsak är förenligt med …",
 * "når upp till balanskravet"), or 'unknown'.
 */
export function normalizeProseVerdict(clause: string | null): Assessment {
  if (clause === null) return 'unknown';
  return longestPhrase(clause, PROSE_VERDICT_PHRASES) ?? 'unknown';
}

function words<const T>(value: T, ...phrases: string[]): Array<readonly [string, T]> {
  return phrases.map((p) => [p, value] as const);
}

/** Lower-case words separated by single spaces, padded so " phrase " finds whole words. */
function wordsOf(text: string): string {
  return ` ${text.toLowerCase().replace(/<[^>]+>/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

function longestPhrase<T>(text: string, table: PhraseTable<T>): T | null {
  const haystack = wordsOf(text);
  let best: { length: number; value: T } | null = null;
  for (const [phrase, value] of table) {
    if (haystack.includes(` ${phrase} `) && (best === null || phrase.length > best.length)) {
      best = { length: phrase.length, value };
    }
  }
  return best?.value ?? null;
}

/** A symbol counts only when no word decided: Ale prints "⏸" beside "Pågående med avvikelser". */
function firstSymbol<T>(text: string, table: PhraseTable<T>): T | null {
  let best: { at: number; value: T } | null = null;
  for (const [symbol, value] of table) {
    const at = text.indexOf(symbol);
    if (at >= 0 && (best === null || at < best.at)) best = { at, value };
  }
  return best?.value ?? null;
}
