/**
 * Activities from an aktivitetsplan table (Hjo: Aktivitet | Beskrivning | Slutdatum |
 * Ansvarig | Status?). Columns are found by their header words, not by position, because
 * municipalities order and name them differently.
 *
 * A row with an empty Aktivitet cell continues the row above: text sources wrap a long
 * description onto a new line with a leading tab (Hjo lines 92-94).
 *
 * Stratsys exports interleave three kinds of row in the Aktivitet column (Simrishamn Bokslut
 * 2025 pp. 26–32): a goal row, each activity under it, and a "Kommentar:" row after every
 * activity. Their Status and Färdiggrad cells are images, so those columns hold no text: the
 * status stays unknown and the table gets one warning, never a status read from elsewhere.
 */
import type { Activity, Diagnostic, Result, Table } from '../model/index.js';
import { ok, warning } from '../model/index.js';
import { parseDue } from '../normalize/dates.js';
import { cleanLabel, stripEmphasis } from '../normalize/markup.js';
import { normalizeActivityStatus } from '../normalize/status.js';
import { bodyRows, headerRowCount, isRuleRow } from './header.js';

type Field = 'activity' | 'description' | 'due' | 'responsible' | 'status';

const FIELD_HEADERS: ReadonlyArray<readonly [Field, RegExp]> = [
  ['activity', /^aktivitet(?:er)?(?!\p{L})/iu],
  ['description', /^(?:beskrivning|innehåll|syfte|kommentar)(?!\p{L})/iu],
  ['due', /^(?:slutdatum|klart när|klart senast|tidplan|tidsplan|datum|tidpunkt|när|deadline|tid)(?!\p{L})/iu],
  ['responsible', /^(?:ansvarig|ansvar)(?!\p{L})/iu],
  ['status', /^(?:status|läge|lägesbeskrivning)(?!\p{L})/iu],
];

type Columns = Partial<Record<Field, number>>;

/** "Kommentar:" opening a cell of the Aktivitet column: the comment on the activity above. */
const COMMENT_ROW = /^kommentar\s*:\s*/iu;

export function extractActivities(table: Table, ctx: { goal: string | null }): Result<Activity[]> {
  const columns = findColumns(table);
  if (columns?.activity === undefined) {
    const message = `No "Aktivitet" column in table ${table.id}`;
    return ok([], [warning('activity:no-activity-column', message, at(table, null))]);
  }
  const body = bodyRows(table.rows, headerRowCount(table.rows, table.headerRows));
  const read = extractInterleaved(table, columns, body, ctx) ?? extractRows(table, columns, body, ctx);
  const silent = silentColumns(table, columns, body, read.value);
  return silent ? ok(read.value, [...read.diagnostics, silent]) : read;
}

type Body = ReturnType<typeof bodyRows>;
type Reader = (f: Field) => string | null;

const reader = (columns: Columns, cells: string[]): Reader =>
  (f) => (columns[f] === undefined ? null : nonEmpty(cells[columns[f]!]));

/** One activity per row; a row without an activity continues the one above. */
function extractRows(table: Table, columns: Columns, body: Body, ctx: { goal: string | null }): Result<Activity[]> {
  const diagnostics: Diagnostic[] = [];
  const activities: Activity[] = [];
  for (const { index, cells } of body) {
    if (isRuleRow(cells) || cells.every((c) => c.trim() === '')) continue;
    const read = reader(columns, cells);
    const name = read('activity');
    const previous = activities.at(-1);
    if (name === null) {
      if (previous) continueActivity(previous, read);
      else diagnostics.push(warning('activity:orphan-row', `Row ${index} of table ${table.id} has no activity`, at(table, index)));
      continue;
    }
    activities.push(makeActivity(table, index, ctx.goal, name, read));
  }
  return ok(activities, diagnostics);
}

/** A row holding only "Kommentar: …" in the Aktivitet column. */
function commentOf(cells: string[], columns: Columns): string | null {
  const text = nonEmpty(cells[columns.activity!]);
  if (text === null || !COMMENT_ROW.test(text)) return null;
  if (cells.some((c, k) => k !== columns.activity && c.trim() !== '')) return null;
  return text.replace(COMMENT_ROW, '').trim();
}

/**
 * The interleaved layout (goal row, activities, a "Kommentar:" row after each), or null when the
 * table has no comment rows. An activity is the row a comment follows; a row followed by another
 * row of text is a goal row, since every activity has its comment. The last row, with nothing
 * after it, can be either: it is read as an activity, with a warning.
 */
function extractInterleaved(table: Table, columns: Columns, body: Body, ctx: { goal: string | null }): Result<Activity[]> | null {
  const rows = body.filter(({ cells }) => !isRuleRow(cells) && cells.some((c) => c.trim() !== ''));
  const comments = rows.map(({ cells }) => commentOf(cells, columns));
  const named = rows.map(({ cells }) => nonEmpty(cells[columns.activity!]) !== null);
  if (!comments.some((c) => c !== null)) return null;
  const diagnostics: Diagnostic[] = [];
  const activities: Activity[] = [];
  let goal = ctx.goal;
  let last: 'goal' | 'activity' | null = null;
  rows.forEach(({ index, cells }, k) => {
    const comment = comments[k];
    const read = reader(columns, cells);
    const name = read('activity');
    if (comment !== null || name === null) {
      // A comment, or a wrapped line of another column, belongs to the activity right above it.
      const previous = last === 'activity' ? activities.at(-1) : undefined;
      if (!previous) diagnostics.push(warning('activity:orphan-row', `Row ${index} of table ${table.id} follows no activity`, at(table, index)));
      else if (comment !== null) previous.description = joinText(previous.description, comment || null);
      else continueActivity(previous, read);
      return;
    }
    // The next row that opens something (wrapped lines of other columns do not).
    const next = rows.findIndex((_, m) => m > k && named[m]!);
    if (next >= 0 && comments[next] === null) {
      goal = name;
      last = 'goal';
      return;
    }
    if (next < 0) {
      diagnostics.push(warning('activity:uncommented-row',
        `Last row ${index} of table ${table.id} has no "Kommentar:" row after it; read as an activity, though it may be a goal row`, at(table, index)));
    }
    activities.push(makeActivity(table, index, goal, name, read));
    last = 'activity';
  });
  return ok(activities, diagnostics);
}

/**
 * Status-like columns (Status, Färdiggrad …) with a header but no text in any activity row: the
 * report shows them as images or icons. One warning for the table; the status stays unknown.
 */
function silentColumns(table: Table, columns: Columns, body: Body, activities: Activity[]): Diagnostic | null {
  if (columns.status === undefined || activities.length === 0) return null;
  const header = table.rows[Math.max(0, headerRowCount(table.rows, table.headerRows) - 1)] ?? [];
  const used = new Set<number>([columns.activity!, columns.description, columns.due, columns.responsible].filter((c): c is number => c !== undefined));
  const empty = header.map((_, c) => c).filter((c) => !used.has(c) && body.every(({ cells }) => (cells[c] ?? '').trim() === ''));
  if (!empty.includes(columns.status)) return null;
  const names = empty.map((c) => `"${stripEmphasis(header[c] ?? '')}"`).join(', ');
  return warning('activity:status-not-text',
    `Table ${table.id}: column${empty.length > 1 ? 's' : ''} ${names} hold${empty.length > 1 ? '' : 's'} no text for ${activities.length === 1 ? 'its activity' : `any of its ${activities.length} activities`} (images or icons in the report); status left unknown`,
    at(table, null));
}

function joinText(a: string | null, b: string | null): string | null {
  return b === null ? a : a === null ? b : `${a} ${b}`;
}

function findColumns(table: Table): Columns | null {
  const count = Math.max(1, headerRowCount(table.rows, table.headerRows));
  for (const row of table.rows.slice(0, count)) {
    const columns: Columns = {};
    row.forEach((cell, c) => {
      const text = stripEmphasis(cell);
      const field = FIELD_HEADERS.find(([, re]) => re.test(text))?.[0];
      if (field && columns[field] === undefined) columns[field] = c;
    });
    if (columns.activity !== undefined) return columns;
  }
  return null;
}

function makeActivity(
  table: Table,
  row: number,
  goal: string | null,
  name: string,
  read: Reader,
): Activity {
  const dueText = read('due');
  const statusText = read('status');
  return {
    tableId: table.id,
    row,
    goal,
    activity: name,
    description: read('description'),
    due: dueText === null ? [] : parseDue(dueText),
    dueText,
    responsible: read('responsible'),
    statusText,
    status: normalizeActivityStatus(statusText),
    ...at(table, row),
  };
}

/** Append a wrapped line's cells to the activity it belongs to. */
function continueActivity(activity: Activity, read: Reader): void {
  const join = joinText;
  activity.description = join(activity.description, read('description'));
  activity.responsible = join(activity.responsible, read('responsible'));
  const dueText = join(activity.dueText, read('due'));
  if (dueText !== activity.dueText) {
    activity.dueText = dueText;
    activity.due = parseDue(dueText ?? '');
  }
  const statusText = join(activity.statusText, read('status'));
  if (statusText !== activity.statusText) {
    activity.statusText = statusText;
    activity.status = normalizeActivityStatus(statusText);
  }
}

function nonEmpty(cell: string | undefined): string | null {
  const text = cleanLabel(cell ?? '');
  return text === '' ? null : text;
}

function at(table: Table, row: number | null): { page: number | null; line: number | null } {
  return { page: table.page, line: row === null ? table.line : table.rowLines[row] ?? null };
}
