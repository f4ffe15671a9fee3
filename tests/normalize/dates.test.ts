import { describe, expect, it } from 'vitest';
import { parseDue } from '../../src/normalize/dates.js';

describe('parseDue', () => {
  it('reads one ISO date (Hjo Slutdatum column)', () => {
    expect(parseDue('2016-12-31')).toEqual(['2016-12-31']);
  });
  it('reads two dates in printed order (Hjo line 119)', () => {
    expect(parseDue('2016-06-30 2016-12-31')).toEqual(['2016-06-30', '2016-12-31']);
  });
  it('reads a bare year (Hjo line 65 "2019")', () => {
    expect(parseDue('2019')).toEqual(['2019']);
  });
  it('reads month names as YYYY-MM', () => {
    expect(parseDue('december 2017')).toEqual(['2017-12']);
    expect(parseDue('Dec 2017')).toEqual(['2017-12']);
    expect(parseDue('sept. 2018')).toEqual(['2018-09']);
    expect(parseDue('2018-03')).toEqual(['2018-03']);
  });
  it('reads day/month year and day monthname year', () => {
    expect(parseDue('31/12 2017')).toEqual(['2017-12-31']);
    expect(parseDue('30 juni 2016')).toEqual(['2016-06-30']);
  });
  it('reads terms and quarters as years', () => {
    expect(parseDue('VT 2018')).toEqual(['2018']);
    expect(parseDue('HT 2018')).toEqual(['2018']);
    expect(parseDue('Q3 2019')).toEqual(['2019']);
  });
  it('reads year ranges as both years', () => {
    expect(parseDue('2019-2021')).toEqual(['2019', '2021']);
  });
  it('returns nothing when no date is printed', () => {
    expect(parseDue('')).toEqual([]);
    expect(parseDue('Löpande')).toEqual([]);
    expect(parseDue('Klart')).toEqual([]);
    expect(parseDue('2016-02-30')).toEqual([]);
  });
});
