import { describe, expect, it } from 'vitest';
import { extractStatusGoals } from '../../src/classify/status-table.js';
import { SEED, seedTable } from './seed-table.js';
import { GOAL_1, GOAL_2, P25_GOALS, P32_GOALS } from './stratsys-tables.js';

describe('extractStatusGoals on Stratsys goal tables with icon assessments (Bokslut_2025)', () => {
  it('reads each Nämndmål row as a goal of that level, its assessment unknown (p32)', () => {
    const { value } = extractStatusGoals(P32_GOALS);
    expect(value.map((g) => [g.level, g.text, g.assessment, g.assessmentText])).toEqual([
      ['Nämndmål', GOAL_1, 'unknown', null],
      ['Nämndmål', GOAL_2, 'unknown', null],
    ]);
  });

  it('says once per table that Bedömning holds no text', () => {
    const { diagnostics } = extractStatusGoals(P32_GOALS);
    expect(diagnostics).toEqual([expect.objectContaining({
      code: 'goal:assessment-not-text', page: 32,
      message: 'Table #/tables/12: "Bedömning" holds no text for any of its 2 goals (images or icons in the report); assessment left unknown',
    })]);
  });

  it('takes a "Kommentar:" row for the comment of the goal above, not for a goal (p25)', () => {
    const { value } = extractStatusGoals(P25_GOALS);
    expect(value.map((g) => g.text)).toEqual([
      'Kommunen ska skapa förutsättningar för ett varierat och rikt utbud inom kultur och fritid för alla.',
      'Vid besparingar av budgetskäl ska kärnverksamhet prioriteras framför administration och ledning.',
    ]);
    expect(value.map((g) => g.level)).toEqual(['Verksamhetsmål', 'Verksamhetsmål']);
  });

  it('reads printed statuses as before and does not warn (Ale: Status | Uppdrag | Status)', () => {
    const t = seedTable(SEED.ale, 414, 423);
    const { value, diagnostics } = extractStatusGoals(t);
    expect(value.length).toBeGreaterThan(0);
    expect(value.some((g) => g.assessmentText !== null)).toBe(true);
    expect(diagnostics.filter((d) => d.code === 'goal:assessment-not-text')).toEqual([]);
  });
});
