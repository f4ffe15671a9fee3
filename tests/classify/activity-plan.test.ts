import { describe, expect, it } from 'vitest';
import { extractActivities } from '../../src/classify/activity-plan.js';
import { SEED, seedTable } from './seed-table.js';
import { GOAL_1, GOAL_2, P32_ACTIVITIES } from './stratsys-tables.js';

describe('extractActivities on Hjo aktivitetsplaner', () => {
  it('reads every row of the table at lines 57-65 by header name', () => {
    const table = seedTable(SEED.hjo, 57, 65);
    const { value, diagnostics } = extractActivities(table, { goal: 'Hjjoborna ska ha ett lågt behov av försörjningsstöd' });
    expect(diagnostics).toEqual([]);
    expect(value.map((a) => a.activity)).toEqual([
      'SAR', 'FIA', 'LÖK', '7tjugo', 'Praktikverktyget', 'Ekonomismart', 'Arena 9.0',
    ]);
    expect(value[1]).toEqual({
      tableId: '#/tables/0', row: 2, goal: 'Hjjoborna ska ha ett lågt behov av försörjningsstöd',
      activity: 'FIA', description: 'Strukturerad arbetsmodell i arbetet med försörjningsstöd',
      due: ['2016-06-30'], dueText: '2016-06-30', responsible: 'Gruppledare',
      statusText: 'Avslutat', status: 'done', page: null, line: 59,
    });
    expect(value[0]).toMatchObject({ status: 'ongoing', due: ['2016-12-31'], responsible: 'Ordförande', line: 58 });
    expect(value[6]).toMatchObject({ activity: 'Arena 9.0', due: ['2019'], status: 'ongoing', line: 65 });
  });

  it('joins a wrapped description line to the activity above (lines 92-94)', () => {
    const table = seedTable(SEED.hjo, 89, 98);
    const { value } = extractActivities(table, { goal: null });
    const sjutjugo = value.find((a) => a.activity === '7tjugo')!;
    expect(sjutjugo.description).toBe(
      'Ledarutbildning och metodmaterial för ledare, och mentorer som arbetar med ungdomars och vuxnas personliga utveckling, där bemötande och förhållningssätt är i fokus',
    );
    expect(sjutjugo).toMatchObject({ statusText: 'Ej klart', status: 'not_done', line: 92 });
    expect(value).toHaveLength(7);
  });

  it('reads two due dates in one cell (line 119)', () => {
    const { value } = extractActivities(seedTable(SEED.hjo, 115, 119), { goal: null });
    expect(value[3]).toMatchObject({
      activity: 'Vision- och värdegrund', due: ['2016-06-30', '2016-12-31'], responsible: 'Arbets-ledare',
    });
  });

  it('skips the plain-text rule row under a table (line 66)', () => {
    const { value, diagnostics } = extractActivities(seedTable(SEED.hjo, 57, 66), { goal: null });
    expect(value).toHaveLength(7);
    expect(diagnostics).toEqual([]);
  });

  it('finds columns by name whatever their order', () => {
    const table = seedTable(SEED.hjo, 57, 58);
    table.rows = table.rows.map(([a, b, c, d, e]) => [e, d, a, c, b]);
    const { value } = extractActivities(table, { goal: null });
    expect(value[0]).toMatchObject({ activity: 'SAR', responsible: 'Ordförande', status: 'ongoing', due: ['2016-12-31'] });
  });

  it('warns when there is no Aktivitet column', () => {
    const table = seedTable(SEED.hjo, 68, 69);
    const { value, diagnostics } = extractActivities(table, { goal: null });
    expect(value).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['activity:no-activity-column']);
  });
});

describe('extractActivities on a Stratsys table with icon statuses (Bokslut_2025 p32)', () => {
  const { value, diagnostics } = extractActivities(P32_ACTIVITIES, { goal: 'Mål ovanför tabellen' });

  it('reads the activities, each under the goal row above it', () => {
    expect(value.map((a) => [a.goal, a.activity.slice(0, 40)])).toEqual([
      [GOAL_1, 'Utveckla samverkan kring kommunens brott'],
      [GOAL_1, 'Ökat samarbete kring museifrågor, kultur'],
      [GOAL_2, 'Medborgarhörna: Undersöker kommunens beh'],
      [GOAL_2, 'Erbjuda föreläsning och utbildning för f'],
    ]);
    expect(value.map((a) => a.row)).toEqual([2, 4, 7, 9]);
  });

  it('keeps the "Kommentar:" row as the description, without its label', () => {
    expect(value[3]).toMatchObject({
      activity: 'Erbjuda föreläsning och utbildning för föreningar med egen anläggning, inriktning hållbarhet på och i den egna anläggningen.',
      description: 'Klimatrådgivare sjukskriven under hösten. Föreläsning har ej kunna genomföras.',
    });
  });

  it('leaves every status unknown and says once that Status and Färdiggrad hold no text', () => {
    expect(value.every((a) => a.status === 'unknown' && a.statusText === null)).toBe(true);
    expect(diagnostics.map((d) => d.code)).toEqual(['activity:status-not-text']);
    expect(diagnostics[0]!.message).toBe(
      'Table #/tables/13: columns "Status", "Färdiggrad" hold no text for any of its 4 activities (images or icons in the report); status left unknown',
    );
    expect(diagnostics[0]!.page).toBe(32);
  });

  it('warns about a last row without a comment, which may be a goal row', () => {
    const cut = { ...P32_ACTIVITIES, rows: P32_ACTIVITIES.rows.slice(0, 10) };
    const r = extractActivities(cut, { goal: null });
    expect(r.value.at(-1)?.activity).toMatch(/^Erbjuda föreläsning/);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['activity:uncommented-row', 'activity:status-not-text']);
  });

  it('warns about a comment under no activity (a table starting with a comment row)', () => {
    const cut = { ...P32_ACTIVITIES, rows: [P32_ACTIVITIES.rows[0]!, ...P32_ACTIVITIES.rows.slice(3)] };
    const r = extractActivities(cut, { goal: null });
    expect(r.diagnostics.map((d) => d.code)).toContain('activity:orphan-row');
    expect(r.value.some((a) => /^Biblioteket deltar/.test(a.description ?? ''))).toBe(false);
  });

  it('does not warn about a status column with text (Hjo)', () => {
    expect(extractActivities(seedTable(SEED.hjo, 57, 65), { goal: null }).diagnostics).toEqual([]);
  });
});
