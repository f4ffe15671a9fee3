import { describe, expect, it } from 'vitest';
import { classifyTableKind } from '../../src/classify/kind.js';
import { detectUnit } from '../../src/classify/units.js';
import { SEED, seedTable } from './seed-table.js';
import { P25_GOALS, P32_ACTIVITIES, P32_GOALS } from './stratsys-tables.js';

function kindOf(file: string, first: number, last: number, opts: { caption?: string; sections?: string[]; headerRows?: number } = {}) {
  const t = seedTable(file, first, last, { headerRows: opts.headerRows });
  const unit = detectUnit(opts.caption ?? null, t.rows.slice(0, t.headerRows).flat());
  return classifyTableKind({ caption: opts.caption ?? null, rows: t.rows, headerRows: t.headerRows, unit, sectionTitles: opts.sections ?? [] });
}

describe('classifyTableKind on seed tables', () => {
  it('finds activity plans by the Aktivitet header', () => {
    expect(kindOf(SEED.hjo, 57, 65)).toBe('activity_plan');
  });
  it('finds indicator tables', () => {
    expect(kindOf(SEED.hjo, 68, 69)).toBe('indicator'); // Indikator:
    expect(kindOf(SEED.molndal, 299, 301)).toBe('indicator'); // Titel | Kön
    expect(kindOf(SEED.molndal, 542, 547)).toBe('indicator'); // bold header
    expect(kindOf(SEED.alingsas, 119, 120)).toBe('indicator'); // Titel | Utfall | Mål 2019
    expect(kindOf(SEED.ale, 156, 158)).toBe('indicator'); // Mått
    expect(kindOf(SEED.ale, 644, 651)).toBe('indicator'); // dated columns, numbers
  });
  it('finds budget tables by unit or by budget words over numbers', () => {
    expect(kindOf(SEED.hjo, 375, 379)).toBe('budget');
    expect(kindOf(SEED.tyreso, 354, 365)).toBe('budget');
    expect(kindOf(SEED.molndal, 181, 189)).toBe('budget');
    expect(kindOf(SEED.alingsas, 488, 497)).toBe('budget');
    expect(kindOf(SEED.ale, 569, 578, { headerRows: 3 })).toBe('budget'); // no unit printed
  });
  it('finds volume tables', () => {
    expect(kindOf(SEED.ale, 429, 431)).toBe('volume'); // Verksamhetsmått header
    expect(kindOf(SEED.molndal, 198, 220, { sections: ['Ekonomi och volymer', 'VOLYMMÅTT'] })).toBe('volume');
    expect(kindOf(SEED.hjo, 330, 340, { caption: 'Verksamhetsvolymen och nyckeltal' })).toBe('volume');
  });
  it('finds status tables', () => {
    expect(kindOf(SEED.ale, 414, 423)).toBe('status'); // Status | Uppdrag | Status
    expect(kindOf(SEED.molndal, 615, 630)).toBe('status'); // Åtgärd | Genomförd | Pågår | Ej genomförd
  });
  it('leaves the rest as other', () => {
    expect(kindOf(SEED.alingsas, 629, 640)).toBe('other'); // sjukfrånvaro with "Ökat med 0,7" text
    expect(kindOf(SEED.alingsas, 578, 583)).toBe('other');
    expect(kindOf(SEED.molndal, 11, 24)).toBe('other'); // table of contents
  });
});

describe('classifyTableKind: volume tables that print "Budget 2017"', () => {
  it('does not call a Mölndal VOLYMMÅTT table a budget table without its heading', () => {
    expect(kindOf(SEED.molndal, 198, 220)).toBe('indicator');
    expect(kindOf(SEED.molndal, 224, 235)).toBe('indicator');
  });
});

describe('classifyTableKind on Stratsys tables (Bokslut_2025)', () => {
  const kind = (rows: string[][]) => classifyTableKind({ caption: null, rows, headerRows: 1, unit: null, sectionTitles: [] });
  it('reads "Nämndmål | Bedömning" and "Verksamhetsmål | Bedömning" as goal status tables', () => {
    expect(kind(P32_GOALS.rows)).toBe('status');
    expect(kind(P25_GOALS.rows)).toBe('status');
  });
  it('reads "Aktivitet | Status | Färdiggrad" as an activity plan', () => {
    expect(kind(P32_ACTIVITIES.rows)).toBe('activity_plan');
  });
  it('does not take a goal column over numbers for a goal table', () => {
    expect(kind([['Mål', 'Bedömning', 'Utfall 2025'], ['Antal besök', '1 200', '1 350'], ['Antal lån', '800', '905']])).not.toBe('status');
  });
});
