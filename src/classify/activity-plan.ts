/**
 * Activities from an aktivitetsplan table (Hjo: Aktivitet | Beskrivning | Slutdatum |
 * Ansvarig | Status?). Columns are found by their header words, not by position, because
 * municipalities order and name them differently.
 *
 * A row with an empty Aktivitet cell continues the row above: text sources wrap a long
 * description onto a new line with a leading tab (Hjo lines 92-94).
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

export function extractActivities(table: Table, ctx: { goal: string | null }): Result<Activity[]> {
  const columns = findColumns(table);
  if (columns?.activity === undefined) {
    const message = `No "Aktivitet" column in table ${table.id}`;
    return ok([], [warning('activity:no-activity-column', message, at(table, null))]);
  }
  const diagnostics: Diagnostic[] = [];
  const activities: Activity[] = [];
  for (const { index, cells } of bodyRows(table.rows, headerRowCount(table.rows, table.headerRows))) {
    if (isRuleRow(cells) || cells.every((c) => c.trim() === '')) continue;
    const read = (f: Field) => (columns[f] === undefined ? null : nonEmpty(cells[columns[f]!]));
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
  read: (f: Field) => string | null,
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
function continueActivity(activity: Activity, read: (f: Field) => string | null): void {
  const join = (a: string | null, b: string | null) => (b === null ? a : a === null ? b : `${a} ${b}`);
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
