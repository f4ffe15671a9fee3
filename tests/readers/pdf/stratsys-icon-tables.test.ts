/**
 * Stratsys tables whose Status, Färdiggrad and Bedömning cells are icons: Simrishamn Bokslut
 * 2025 pp. 25–32 (fixtures/real/Bokslut_2025.notes.md, "Activities and goal assessments").
 * The text layer holds the header rows and the first column only. Expected rows are quoted from
 * the PDF's text layer; activities and goals from the hand-checked gold file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../../src/model/index.js';
import { extractFile } from '../../../src/pipeline/extract.js';
import { findAlignedTables, openTableAtEnd, type AlignedTable } from '../../../src/readers/pdf/aligned-tables.js';
import { buildLines } from '../../../src/readers/pdf/group-lines.js';
import { withPdfDocument } from '../../../src/readers/pdf/pdfjs-session.js';
import type { TableShape } from '../../../src/readers/pdf/tables/header-led.js';
import { itemsToRuns } from '../../../src/readers/pdf/text-items.js';
import { REAL } from './helpers.js';

const FILE = path.join(REAL, 'Bokslut_2025.pdf');
const gold = JSON.parse(readFileSync(path.join(REAL, 'Bokslut_2025.gold.json'), 'utf8')) as {
  gold: {
    activities: Array<{ page: number; goal: string; activity: string }>;
    assessments: Array<{ page: number; level: string; goal: string }>;
  };
};
const key = (s: string) => s.normalize('NFKC').toLocaleLowerCase('sv').replace(/[^\p{L}\p{N}]+/gu, '');

/** Header-led tables per page, the open table handed from page to page as the PDF reader does. */
let tablesByPage: Map<number, AlignedTable[]>;

beforeAll(async () => {
  tablesByPage = new Map();
  await withPdfDocument(new Uint8Array(readFileSync(FILE)), async (s) => {
    let open: TableShape | null = null;
    for (let n = 25; n <= 33; n++) {
      const page = await s.readPage(n, () => false);
      // The running footer ("2025 ÅRSBOKSLUT … SID n (36)") is furniture, dropped before tables are sought.
      const lines = buildLines(itemsToRuns(page.items, page.viewportTransform, page.fonts).runs).filter((l) => l.top < 0.95 * page.height);
      const flow = findAlignedTables(lines, open);
      open = openTableAtEnd(flow);
      tablesByPage.set(n, flow.filter((f): f is AlignedTable => f.kind === 'table' && f.shape !== undefined));
    }
  });
}, 60_000);

const firstCells = (t: AlignedTable) => t.rows.map((r) => r[0]!.text);
/** Each row's first cell must start with the text quoted for it (a cell that does not shows whole). */
const starts = (cells: string[], prefixes: string[]) => cells.map((c, k) => (prefixes[k] && c.startsWith(prefixes[k]!) ? prefixes[k] : c));

describe('Bokslut_2025 pp. 25–33: header-led tables in the PDF reader', () => {
  it('finds every header row of the follow-up: Verksamhetsmål, Nämndmål and Aktivitet tables', () => {
    const headers = [...tablesByPage].map(([n, ts]) => [n, ts.map((t) => (t.rows[0]![0]!.bold ? t.rows[0]!.map((c) => c.text).join(' | ') : 'continued'))]);
    expect(headers).toEqual([
      [25, ['Verksamhetsmål | Bedömning', 'Nämndmål | Bedömning']],
      [26, ['Aktivitet | Status | Färdiggrad', 'Nämndmål | Bedömning']],
      [27, ['Aktivitet | Status | Färdiggrad']],
      [28, ['continued', 'Nämndmål | Bedömning']],
      [29, ['Aktivitet | Status | Färdiggrad', 'Nämndmål | Bedömning']],
      [30, ['Aktivitet | Status | Färdiggrad']],
      [31, ['continued']],
      [32, ['Nämndmål | Bedömning', 'Aktivitet | Status | Färdiggrad']],
      [33, []],
    ]);
  });

  it('reads p25\'s goals with their comments as rows of their own', () => {
    const [verksamhetsmal] = tablesByPage.get(25)!;
    const P25 = [
      'Verksamhetsmål',
      'Kommunen ska skapa förutsättningar för ett varierat och rikt',
      'Kommentar: Nämnden har under året påbörjat en bredare samver',
      'Vid besparingar av budgetskäl ska kärnverksamhet prioriteras',
      'Kommentar: På kultur- och fritidsnämnden finns för närvarande',
    ];
    expect(starts(firstCells(verksamhetsmal!), P25)).toEqual(P25);
    expect(verksamhetsmal!.rows[1]!.map((c) => c.text)).toEqual([
      'Kommunen ska skapa förutsättningar för ett varierat och rikt utbud inom kultur och fritid för alla.', '',
    ]);
  });

  it('keeps the Bedömning cells empty: they are images', () => {
    for (const ts of tablesByPage.values()) {
      for (const t of ts.filter((x) => x.rows[0]![1]?.text === 'Bedömning')) {
        expect(t.rows.slice(1).flatMap((r) => r.slice(1)).map((c) => c.text).filter((x) => x !== '')).toEqual([]);
      }
    }
  });

  it('reads p27\'s goal rows, activities and comments, ending at the page', () => {
    const [t] = tablesByPage.get(27)!;
    const P27 = [
      'Aktivitet',
      'Arbeta för en livskraftig landsbygd.',
      'Utveckla friluftsliv samt kultur- och fritidsaktivi',
      'Kommentar: Under året hade fritidsenheten sökt sama',
      'Öka tillgängligheten till fler fornlämningar och ku',
      'Kommentar: Projektet genomfört och avslutat för 202',
      'Dialogmöten översiktsplanen: Att med biblioteket oc',
      'Kommentar: Förslaget till ny översiktsplan har stäl',
      'Landsbygdsbibblan: Undersöka förutsättningar för pr',
      'Kommentar: Biblioteket har undersökt förutsättninga',
      'Bevara och utveckla Simrishamns och Österlens attra',
      'Lokal litteraturfestival: Undersöka möjligheterna a',
      'Kommentar: För att stärka den lokala litteraturscen',
    ];
    expect(starts(firstCells(t!), P27)).toEqual(P27);
    // Bold goal rows stay bold; activity rows are plain, with their two icon cells empty.
    expect(t!.rows[10]![0]).toMatchObject({ text: 'Bevara och utveckla Simrishamns och Österlens attraktivitet genom möjligheterna i kulturarvet, kulturmiljön, kulturlivet och landskapets värden.', bold: true });
    expect(t!.rows[11]!.map((c) => c.text)).toEqual(['Lokal litteraturfestival: Undersöka möjligheterna att i samarbete med lokala aktörer inom KKB arrangera en litteraturfestival.', '', '']);
  });

  it('continues p27\'s table on p28 and p30\'s on p31, where the pages start without a header', () => {
    const [p28] = tablesByPage.get(28)!;
    expect(p28!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Tillgängliggöra Österlens materiella och immateriella kulturarv genom digitalisering av samlingarna, svara på allmänhetens frågor samt öka allmänhetens möjligheter att själva söka i samlingarna. Genom samverkan med samhällsbyggnadsförvaltningen verka för att kulturmiljön ses som en resurs.', '', ''],
      ['Kommentar: Digitaliseringsarbetet har fortsatt och flera nya föremålsgrupper har publicerats på webben. Antalet frågor från allmänheten har ökat.'],
    ]);
    // Same columns as the table it continues: the document-level merge joins them.
    expect(p28!.rows[0]!.length).toBe(tablesByPage.get(27)![0]!.rows[0]!.length);
    const [p31] = tablesByPage.get(31)!;
    const P31 = [
      'Möjliggöra och underlätta för sociala verksamheter ',
      'Kommentar: Under året har besökare på biblioteket k',
      'Skapa goda förutsättningar för barn och unga att vä',
      'Projekt Livsviktig läsning: Undersöka förutsättnin',
      'Kommentar: Projekt Livsviktig läsning (med stöd frå',
      'Breddat programutbud för barn och unga samt om barn',
      'Kommentar: Utbudet har breddats och de öppna verkst',
    ];
    expect(starts(firstCells(p31!), P31)).toEqual(P31);
  });
});

describe('Bokslut_2025 pp. 25–32: activities and goals from icon tables', () => {
  let doc: CanonicalDocument;
  beforeAll(async () => {
    doc = (await extractFile(FILE)).value;
  }, 120_000);

  // The activities at the top of pp. 28 and 31 continue a table from the page before (the
  // reader hands the open table on: findAlignedTables' `open`); their goal row is on that page.
  it('extracts every gold activity with the goal row above it and no status', () => {
    expect(gold.gold.activities).toHaveLength(22);
    for (const g of gold.gold.activities) {
      const a = doc.activities.find((x) => key(x.activity) === key(g.activity));
      expect(a, g.activity).toMatchObject({ goal: g.goal, status: 'unknown', statusText: null });
    }
  });

  it('still finds the nämnd, now that the body sentence naming it sits in a goal comment cell', () => {
    expect(doc.meta.organ).toBe('Kultur- och fritidsnämnden');
  });

  it('keeps each "Kommentar:" as the activity\'s description, never as an activity', () => {
    expect(doc.activities.filter((a) => /^kommentar/iu.test(a.activity))).toEqual([]);
    const lecture = doc.activities.find((a) => a.activity.startsWith('Erbjuda föreläsning och utbildning för föreningar'));
    // The comment says the lecture was not held; the icon beside it is the same green check as everywhere.
    expect(lecture).toMatchObject({ description: 'Klimatrådgivare sjukskriven under hösten. Föreläsning har ej kunna genomföras.', status: 'unknown' });
  });

  it('reads no goal row of an activity table as an activity', () => {
    const goalRows = new Set(gold.gold.activities.map((g) => key(g.goal)));
    expect(doc.activities.filter((a) => goalRows.has(key(a.activity))).map((a) => a.activity)).toEqual([]);
  });

  it('extracts all 11 gold goals with their level and no assessment, and no goal from a comment', () => {
    for (const g of gold.gold.assessments) {
      const found = doc.goals.filter((x) => key(x.text) === key(g.goal));
      expect(found, g.goal).toHaveLength(1);
      expect(found[0]).toMatchObject({ assessment: 'unknown', assessmentText: null });
      expect(found[0]!.level?.toLowerCase()).toBe(g.level);
    }
    expect(doc.goals.filter((x) => /^kommentar/iu.test(x.text))).toEqual([]);
  });

  it('warns once per table that the status and assessment columns hold no text', () => {
    const codes = doc.warnings.filter((w) => /^(activity|goal):/.test(w.code)).map((w) => `${w.code} p${w.page}`);
    expect(codes).toEqual([
      'goal:assessment-not-text p25', 'goal:assessment-not-text p25',
      'activity:status-not-text p26', 'goal:assessment-not-text p26',
      'activity:status-not-text p27', 'goal:assessment-not-text p28',
      'activity:status-not-text p29', 'goal:assessment-not-text p29',
      'activity:status-not-text p30',
      'goal:assessment-not-text p32', 'activity:status-not-text p32',
    ]);
    expect(doc.warnings.find((w) => w.code === 'activity:status-not-text')?.message).toMatch(/"Status", "Färdiggrad".*images or icons/);
  });
});
