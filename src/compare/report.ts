/**
 * The HTML comparison report: one self-contained page (inline CSS and SVG, no script, no
 * network) with four charts comparing the municipalities in a database and the table under
 * each. Charts are Vega-Lite specs compiled and rendered to SVG here in Node (vega's
 * headless View.toSVG: no browser, no canvas), so the page is static text.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import type { AreaRow, ReportData, ShareRow } from './read.js';

const STATUS_SV: Record<string, string> = {
  done: 'Genomförd', ongoing: 'Pågår', delayed: 'Försenad', not_started: 'Ej påbörjad',
  not_done: 'Ej genomförd', stopped: 'Avbruten', unknown: 'Okänd',
};
const ASSESSMENT_SV: Record<string, string> = {
  met: 'Uppfyllt', largely_met: 'Till stor del uppfyllt', partly_met: 'Delvis uppfyllt',
  not_met: 'Ej uppfyllt', not_assessed: 'Ej bedömt', unknown: 'Okänd',
};
/** Green to red in the order of the enums, grey for unknown: the reading people expect. */
const STATUS_COLOURS = ['#1a9850', '#91cf60', '#fee08b', '#fdae61', '#d73027', '#a50026', '#bdbdbd'];
const ASSESSMENT_COLOURS = ['#1a9850', '#91cf60', '#fee08b', '#d73027', '#969696', '#bdbdbd'];

const CHART_WIDTH = 560;

// Swedish number format in axes: space as thousands separator, comma as decimal mark.
vega.formatLocale({ decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'] });

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const CONFIG = {
  font: 'sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  axisY: { labelLimit: 320 },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom', direction: 'horizontal', columns: 4 },
} as const;

function who(r: { municipality: string; year: number | null }): string {
  return r.year === null ? r.municipality : `${r.municipality} ${r.year}`;
}

function shareSpec(rows: ShareRow[], names: Record<string, string>, colours: string[], title: string): TopLevelSpec {
  const domain = Object.keys(names);
  const values = rows.map((r) => ({ who: who(r), key: names[r.key] ?? r.key, order: domain.indexOf(r.key), share: r.share, count: r.count }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: { step: 28 },
    config: CONFIG,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'who', type: 'nominal', title: null, sort: null },
      x: { field: 'share', type: 'quantitative', stack: 'normalize', title, axis: { format: '.0%' } },
      color: {
        field: 'key', type: 'nominal', title: null,
        scale: { domain: domain.map((k) => names[k]), range: colours },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  };
}

function areaSpec(rows: AreaRow[], field: 'netCostTkr' | 'deviationTkr', title: string): TopLevelSpec {
  const values = rows
    .filter((r) => r[field] !== null)
    .map((r) => ({
      who: who(r), area: r.areaName, row: `${who(r)} · ${r.areaName}`, value: r[field],
      sign: (r[field] ?? 0) < 0 ? 'underskott' : 'överskott',
    }));
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    config: CONFIG,
    data: { values },
    mark: { type: 'bar' },
  } as const;
  const x = { field: 'value', type: 'quantitative', title, axis: { format: ',.0f' } } as const;
  if (field === 'deviationTkr') {
    // One bar per municipality and area, green above budget, red below.
    return {
      ...base,
      height: { step: 16 },
      encoding: {
        y: { field: 'row', type: 'nominal', title: null, sort: null },
        x,
        color: { field: 'sign', type: 'nominal', title: null, scale: { domain: ['överskott', 'underskott'], range: ['#1a9850', '#d73027'] } },
      },
    };
  }
  // Areas down the side, one bar per municipality within each.
  return {
    ...base,
    height: { step: 14 },
    encoding: {
      y: { field: 'area', type: 'nominal', title: null, sort: null },
      yOffset: { field: 'who', type: 'nominal', sort: null },
      x,
      color: { field: 'who', type: 'nominal', title: null },
    },
  };
}

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const tkr = (n: number | null) =>
  n === null ? '' : Math.round(n).toLocaleString('sv-SE').replace(/\u2212/g, '-');

function table(head: string[], body: unknown[][], numeric: boolean[]): string {
  const th = head.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const tr = body
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

function shareTable(rows: ShareRow[], names: Record<string, string>): string {
  return table(
    ['Kommun', 'År', 'Status', 'Antal', 'Andel'],
    rows.map((r) => [r.municipality, r.year, names[r.key] ?? r.key, r.count, `${(r.share * 100).toFixed(1).replace('.', ',')} %`]),
    [false, false, false, true, true],
  );
}

async function section(id: string, title: string, intro: string, rowCount: number, spec: () => TopLevelSpec, tableHtml: string): Promise<string> {
  const chart =
    rowCount === 0
      ? `<p class="empty">Inga uppgifter i databasen.</p>`
      : `<figure class="chart" id="${id}-chart">${await renderSvg(spec())}</figure>`;
  return `<section id="${id}">\n<h2>${esc(title)}</h2>\n<p>${esc(intro)}</p>\n${chart}\n${rowCount === 0 ? '' : tableHtml}\n</section>`;
}

export async function renderReport(data: ReportData, generatedAt: string): Promise<string> {
  const areas = data.areas.filter((a) => a.area !== 'hela');
  const deviations = data.areas.filter((a) => a.deviationTkr !== null);
  const sections = [
    await section(
      'activities', 'Aktiviteter efter status',
      'Andel av aktiviteterna i varje rapports aktivitetsplaner, efter normaliserad status.',
      data.activityShares.length,
      () => shareSpec(data.activityShares, STATUS_SV, STATUS_COLOURS, 'Andel aktiviteter'),
      shareTable(data.activityShares, STATUS_SV),
    ),
    await section(
      'goals', 'Målbedömningar',
      'Andel av målen (och uppdragen) i varje rapport, efter bedömning.',
      data.goalShares.length,
      () => shareSpec(data.goalShares, ASSESSMENT_SV, ASSESSMENT_COLOURS, 'Andel mål'),
      shareTable(data.goalShares, ASSESSMENT_SV),
    ),
    await section(
      'netcost', 'Nettokostnad per verksamhetsområde (tkr)',
      'Utfall för rapportens period. Delårsrapporter visar perioden hittills, bokslut helåret; kostnader visas positiva oavsett hur rapporten tecknar dem.',
      areas.filter((a) => a.netCostTkr !== null).length,
      () => areaSpec(areas, 'netCostTkr', 'Nettokostnad, tkr'),
      table(
        ['Kommun', 'År', 'Område', 'Nettokostnad tkr', 'Period', 'Underlag'],
        areas.map((a) => [a.municipality, a.year, a.areaName, tkr(a.netCostTkr), a.netCostPeriod, a.netCostBasis]),
        [false, false, false, true, false, false],
      ),
    ),
    await section(
      'deviation', 'Budgetavvikelse (tkr)',
      'Positivt = bättre än budget (överskott), negativt = sämre. Helårsavvikelse där rapporten har en, annars periodens.',
      deviations.length,
      () => areaSpec(deviations, 'deviationTkr', 'Avvikelse mot budget, tkr'),
      table(
        ['Kommun', 'År', 'Område', 'Avvikelse tkr', 'Underlag'],
        deviations.map((a) => [a.municipality, a.year, a.areaName, tkr(a.deviationTkr), a.deviationBasis]),
        [false, false, false, true, false],
      ),
    ),
  ];
  const docs = table(
    ['Kommun', 'År', 'Rapport', 'Nämnd', 'Format'],
    data.documents.map((d) => [d.municipality, d.year, d.reportType, d.organ, d.format]),
    [false, false, false, false, false],
  );
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kommunjämförelse</title>
<style>
body { font-family: sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
figure.chart { margin: 1rem 0; } figure.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; }
th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #eee; text-align: left; }
th.n, td.n { text-align: right; } .empty, .meta { color: #666; }
</style>
</head>
<body>
<h1>Kommunjämförelse</h1>
<p class="meta">Skapad ${esc(generatedAt)} av kommunrapport. En rapport per kommun, år och rapporttyp (text- eller Word-versionen före PDF när samma rapport finns i flera format).</p>
${docs}
${sections.join('\n')}
</body>
</html>
`;
}
