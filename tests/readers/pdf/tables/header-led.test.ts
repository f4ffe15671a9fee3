/**
 * Header-led tables on lines placed as pdf.js gives them for Simrishamn Bokslut 2025 (Stratsys
 * export, 11 pt): positions and texts copied from the text layer of pp. 26–28 (a dump through
 * pdfjs-session + itemsToRuns + buildLines). Status, Färdiggrad and Bedömning are images there,
 * so only the header row and the first column have text.
 */
import { describe, expect, it } from 'vitest';
import { findAlignedTables, openTableAtEnd, type AlignedTable, type FlowItem } from '../../../../src/readers/pdf/aligned-tables.js';
import { makeLine } from '../../../../src/readers/pdf/group-lines.js';
import { continueHeaderLed, isColumnHeaderLine, readHeaderLed } from '../../../../src/readers/pdf/tables/header-led.js';
import type { Line, Run } from '../../../../src/readers/pdf/types.js';

type Cell = [text: string, x0: number, x1: number];

/** One printed line: its top, its cells (one run each) and whether it is set in bold. */
function line(top: number, cells: Cell[], bold = false, fontSize = 11): Line {
  const runs: Run[] = cells.map(([text, x0, x1]) => ({
    text, x0, x1, top, bottom: top + 12.2, baseline: top + 9.9, fontSize, bold, leader: false,
  }));
  return makeLine(runs);
}

const HEADER = line(88.3, [['Aktivitet', 73.8, 115.1], ['Status', 380.2, 408.8], ['Färdiggrad', 454.0, 507.9]], true);

/** p26 from the header down to the heading under the table. */
const P26 = [
  HEADER,
  line(106.6, [['Verka för kunskapsspridning och beteendeförändring avseende havsmiljöfrågor.', 73.8, 454.4]], true),
  line(124.9, [['Föreläsningar för medborgare och medarbetare. Använda', 73.8, 326.2]]),
  line(137.7, [['biblioteket som plattform för att nå ut med sakkunskap och', 73.8, 334.0]]),
  line(150.3, [['forskning, både internt och externt, om havsmiljöfrågor, bland', 73.8, 348.1]]),
  line(163.0, [['annat via föreläsningar kring hav och marina resurser i samarbete', 73.8, 362.3]]),
  line(175.6, [['med exempelvis Marint centrum.', 73.8, 220.4]]),
  line(193.9, [['Kommentar:', 73.8, 135.2]], true),
  line(206.5, [['Biblioteket har i samverkan med Marint Centrum haft föredrag om fiskar i Östersjön, där en forskare', 73.8, 518.1]]),
  line(219.3, [['berättat om Smörbultens ursprung, ekologi och inverkan på ekosystemen i Östersjön. Även', 73.8, 475.3]]),
  line(231.9, [['utmaningar och lösningar för att begränsa dess spridning diskuterades.', 73.8, 384.2]]),
  line(250.2, [['Skapa verksamhet och föredrag om hotade kulturmijöer längs', 73.8, 345.0]]),
  line(262.8, [['kusten. Del av projektet Hotade kulturmiljöer längs kusten- se', 73.8, 350.3]]),
  line(275.6, [['nämndsmål 9.3.', 73.8, 144.0]]),
  line(293.9, [['Kommentar:', 73.8, 135.2]], true),
  line(306.5, [['Hösten 2025 höll fyra föredrag som på olika sätt rapporterade eller informerade om klimatets', 73.8, 484.4]]),
  line(319.3, [['påverkan på Simrishamns kust. Samtliga föredrag var fullbokade.', 73.8, 363.4]]),
  line(340.9, [['08 Hållbart samhällsbyggande', 70.9, 214.0]], true),
  line(364.7, [['Samhällsbyggande och planering påverkar och påverkas av alla aspekter av hur kommunen vill', 70.9, 490.0]]),
];

const texts = (t: AlignedTable) => t.rows.map((r) => r.map((c) => c.text));
const tables = (flow: FlowItem[]) => flow.filter((f): f is AlignedTable => f.kind === 'table');

describe('column header lines', () => {
  it('knows the Stratsys headers of activities and goal assessments', () => {
    expect(isColumnHeaderLine(HEADER)).toBe(true);
    expect(isColumnHeaderLine(line(611.4, [['Nämndmål', 73.8, 126.1], ['Bedömning', 454.0, 508.0]], true))).toBe(true);
    expect(isColumnHeaderLine(line(151.0, [['Verksamhetsmål', 73.8, 153.0], ['Bedömning', 454.0, 508.0]], true))).toBe(true);
  });

  it('takes no budget or indicator header, and no plain two-word line', () => {
    // Bokslut p33 and an Alingsås indicator header: not the vocabulary of a follow-up table.
    expect(isColumnHeaderLine(line(176.2, [['Verksamheter (tkr)', 73.8, 166], ['Utfall 2025', 305, 357], ['Budget 2025', 392, 451]], true))).toBe(false);
    expect(isColumnHeaderLine(line(100, [['Titel', 74, 100], ['Utfall', 200, 230], ['Mål 2019', 260, 300], ['Bedömning', 450, 500]], true))).toBe(false);
    // The first column must name the rows: a status first is no such header.
    expect(isColumnHeaderLine(line(100, [['Status', 74, 103], ['Aktivitet', 200, 241]], true))).toBe(false);
    expect(isColumnHeaderLine(line(100, [['Mål', 74, 90], ['Status', 300, 330]]))).toBe(false);
  });
});

describe('a header-led table (Bokslut_2025 p26)', () => {
  const flow = findAlignedTables(P26);
  const [table] = tables(flow);

  it('reads one row per goal, activity and comment, split where the gaps are row gaps', () => {
    expect(tables(flow)).toHaveLength(1);
    expect(texts(table!)).toEqual([
      ['Aktivitet', 'Status', 'Färdiggrad'],
      // The goal text ends at x 454.4, at the start of Färdiggrad: it spans Aktivitet and Status.
      ['Verka för kunskapsspridning och beteendeförändring avseende havsmiljöfrågor.', ''],
      ['Föreläsningar för medborgare och medarbetare. Använda biblioteket som plattform för att nå ut med sakkunskap och forskning, både internt och externt, om havsmiljöfrågor, bland annat via föreläsningar kring hav och marina resurser i samarbete med exempelvis Marint centrum.', '', ''],
      ['Kommentar: Biblioteket har i samverkan med Marint Centrum haft föredrag om fiskar i Östersjön, där en forskare berättat om Smörbultens ursprung, ekologi och inverkan på ekosystemen i Östersjön. Även utmaningar och lösningar för att begränsa dess spridning diskuterades.'],
      ['Skapa verksamhet och föredrag om hotade kulturmijöer längs kusten. Del av projektet Hotade kulturmiljöer längs kusten- se nämndsmål 9.3.', '', ''],
      ['Kommentar: Hösten 2025 höll fyra föredrag som på olika sätt rapporterade eller informerade om klimatets påverkan på Simrishamns kust. Samtliga föredrag var fullbokade.'],
    ]);
  });

  it('lets a goal row or a comment row span the table, and keeps the icon cells of an activity empty', () => {
    expect(table!.rows[1]!.map((c) => [c.colSpan, c.bold])).toEqual([[2, true], [1, false]]);
    expect(table!.rows[3]![0]!.colSpan).toBe(3);
    expect(table!.rows[2]!.map((c) => c.colSpan)).toEqual([1, 1, 1]);
  });

  it('ends at the heading below it and leaves heading and prose as lines', () => {
    const after = flow.slice(flow.indexOf(table!) + 1);
    expect(after.map((f) => (f.kind === 'line' ? f.line.text : 'table'))).toEqual([
      '08 Hållbart samhällsbyggande',
      'Samhällsbyggande och planering påverkar och påverkas av alla aspekter av hur kommunen vill',
    ]);
    expect(openTableAtEnd(flow)).toBeNull();
  });

  it('ends at prose set at its own line spacing right under the last row', () => {
    // The same table followed by a paragraph at the table's x and a row gap, whose lines are
    // 1.7 pt apart (body text) instead of the 0.5 pt of a wrapped cell.
    const prose = [
      line(337.6, [['Kommunen ska arbeta vidare med havsmiljöfrågor under kommande', 73.8, 420]]),
      line(351.5, [['år tillsammans med andra aktörer.', 73.8, 250]]),
    ];
    const flow2 = findAlignedTables([...P26.slice(0, 17), ...prose]);
    const [t] = tables(flow2);
    // The first prose line still reads as a row: a row gap and the table's column say so.
    expect(texts(t!).at(-1)).toEqual(['Kommunen ska arbeta vidare med havsmiljöfrågor under kommande', '']);
    expect(flow2.at(-1)).toMatchObject({ kind: 'line', line: { text: 'år tillsammans med andra aktörer.' } });
  });

  it('is open for the next page when it reaches the bottom of its page', () => {
    const flow3 = findAlignedTables(P26.slice(0, 17));
    const shape = openTableAtEnd(flow3);
    expect(shape?.columns.map((c) => c.header)).toEqual(['Aktivitet', 'Status', 'Färdiggrad']);
    expect(shape?.rowGap).toBeCloseTo(6.1, 0);
    expect(shape?.wrapGap).toBeLessThan(1);
  });

  it('puts a printed word under a later header into that column (a status printed as text)', () => {
    // Constructed: p26's header and first activity, with "Pågår" printed under Status.
    const rows = [HEADER, line(106.6, [['Föreläsningar för medborgare och medarbetare. Använda', 73.8, 326.2], ['Pågår', 382.0, 408.0]]),
      line(119.2, [['biblioteket som plattform för att nå ut med sakkunskap och', 73.8, 334.0]])];
    const [t] = tables(findAlignedTables(rows));
    expect(texts(t!)).toEqual([
      ['Aktivitet', 'Status', 'Färdiggrad'],
      ['Föreläsningar för medborgare och medarbetare. Använda biblioteket som plattform för att nå ut med sakkunskap och', 'Pågår', ''],
    ]);
  });

  it('needs padded rows: under an unpadded header gaps cannot tell rows from wraps', () => {
    const tight = [HEADER, line(101.0, [['Föreläsningar för medborgare och medarbetare.', 73.8, 326.2]]), line(113.6, [['Skapa verksamhet', 73.8, 160]])];
    expect(readHeaderLed(tight, 0)).toBeNull();
  });
});

describe('a table going on over a page break (Bokslut_2025 pp. 27–28)', () => {
  const open = openTableAtEnd(findAlignedTables(P26.slice(0, 17)))!;
  /** The top of p28: the last activity under the goal row of p27 and its comment, then a heading. */
  const P28 = [
    line(88.3, [['Tillgängliggöra Österlens materiella och immateriella kulturarv', 73.8, 353.3]]),
    line(100.9, [['genom digitalisering av samlingarna, svara på allmänhetens frågor', 73.8, 366.4]]),
    line(113.5, [['samt öka allmänhetens möjligheter att själva söka i samlingarna.', 73.8, 358.2]]),
    line(126.3, [['Genom samverkan med samhällsbyggnadsförvaltningen verka för', 73.8, 364.5]]),
    line(138.9, [['att kulturmiljön ses som en resurs.', 73.8, 225.3]]),
    line(157.2, [['Kommentar:', 73.8, 135.2]], true),
    line(169.8, [['Digitaliseringsarbetet har fortsatt och flera nya föremålsgrupper har publicerats på webben. Antalet', 73.8, 511.3]]),
    line(182.5, [['frågor från allmänheten har ökat.', 73.8, 219.3]]),
    line(204.1, [['09 Klimatanpassning', 70.9, 170.2]], true),
  ];

  it('continues the open table with the rows at the top of the next page, in its columns', () => {
    const flow = findAlignedTables(P28, open);
    const [t] = tables(flow);
    expect(flow[0]).toBe(t);
    expect(texts(t!)).toEqual([
      ['Tillgängliggöra Österlens materiella och immateriella kulturarv genom digitalisering av samlingarna, svara på allmänhetens frågor samt öka allmänhetens möjligheter att själva söka i samlingarna. Genom samverkan med samhällsbyggnadsförvaltningen verka för att kulturmiljön ses som en resurs.', '', ''],
      ['Kommentar: Digitaliseringsarbetet har fortsatt och flera nya föremålsgrupper har publicerats på webben. Antalet frågor från allmänheten har ökat.'],
    ]);
    expect(flow[1]).toMatchObject({ kind: 'line', line: { text: '09 Klimatanpassning' } });
  });

  it('does not take a page that starts with a heading or a new header for its continuation', () => {
    expect(continueHeaderLed(P28.slice(8), open)).toBeNull();
    expect(continueHeaderLed([HEADER, ...P28.slice(0, 2)], open)).toBeNull();
    // A lone line at the top of the page, then a gap of no row: a title, not a row.
    expect(continueHeaderLed([P28[0]!, line(120, [['Text under en rubrik', 73.8, 200]])], open)).toBeNull();
  });

  it('without an open table the same lines stay lines', () => {
    expect(tables(findAlignedTables(P28))).toEqual([]);
  });
});
