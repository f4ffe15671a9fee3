import { describe, expect, it } from 'vitest';
import { matchIndicator, matchLabel, MIN_SCORE } from '../../src/compare/match.js';
import { loadTaxonomy, parseTaxonomy } from '../../src/compare/taxonomy.js';
import { normalise } from '../../src/compare/text.js';

const taxonomy = loadTaxonomy();
const key = (label: string) => matchLabel(label, taxonomy).term?.key ?? null;

describe('normalise', () => {
  it('takes off qualifiers, lead words and punctuation, and says which lead word it took', () => {
    expect(normalise('Lönekostnad exkl arvoden').norm).toBe('lönekostnad');
    expect(normalise('Arbetad tid (årsarbetare)').norm).toBe('arbetad tid');
    expect(normalise('Familjerätt & familjerådgivning').norm).toBe('familjerätt och familjerådgivning');
    expect(normalise('varav temporära boenden')).toMatchObject({ norm: 'temporära boenden', part: true, total: false });
    expect(normalise('Totalt IFO myndighet', ['totalt'])).toMatchObject({ norm: 'ifo myndighet', total: true });
    expect(normalise('Totalt:', ['totalt'])).toMatchObject({ norm: '', total: true });
  });
});

describe('matchLabel', () => {
  it('maps label variants exactly, whatever their case, hyphens and ampersands', () => {
    for (const label of ['Individ- och familjeomsorg', 'Individ och familjeomsorg', 'IFO']) {
      expect(matchLabel(label, taxonomy)).toMatchObject({ method: 'exact', score: 1, term: { key: 'ifo' } });
    }
    expect(key('Ekonomiskt bistånd')).toBe('ekonomiskt_bistand');
    expect(key('Försörjningsstöd')).toBe('ekonomiskt_bistand');
    expect(key('Institutionsvård barn & ungdom')).toBe('ifo_barn_unga');
  });

  it('maps budget lines, including the verksamhetens … and summa … forms', () => {
    expect(key('Verksamhetens nettokostnader')).toBe('nettokostnad');
    expect(key('Summa kostnader')).toBe('kostnader');
    expect(key('Lokalhyror')).toBe('lokalkostnader');
    expect(key('Budgetavvikelse')).toBe('avvikelse');
  });

  it('maps on Swedish stems when the words are the same in another form', () => {
    expect(matchLabel('Investering X', taxonomy)).toMatchObject({ method: 'stem', term: { key: 'investeringar' } });
  });

  it('maps a misspelling by Jaro-Winkler and keeps the score', () => {
    const m = matchLabel('Nettoreultat', taxonomy);
    expect(m).toMatchObject({ method: 'fuzzy', term: { key: 'resultat' } });
    expect(m.score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(m.score).toBeLessThan(1);
  });

  it('leaves a label below the threshold unmapped, with its best candidate', () => {
    const m = matchLabel('Arbetad tid (årsarbetare)', taxonomy);
    expect(m.term).toBeNull();
    expect(m.reason).toBe('below-threshold');
    expect(m.candidateScore).toBeLessThan(MIN_SCORE);
  });

  it('does not let one shared word carry a two-word label ("Lokalt aktivitetsstöd" is not a lokalkostnad)', () => {
    expect(key('Lokalt aktivitetsstöd')).toBe('fritid');
    const only = parseTaxonomy(JSON.stringify({
      version: 1, about: '', totals: [], areas: [],
      lines: [{ key: 'lokalkostnader', kind: 'cost', name: 'Lokalkostnader', variants: ['Lokaler'] }],
    }));
    expect(matchLabel('Lokalt aktivitetsstöd', only).term).toBeNull();
  });

  it('calls two equally good terms ambiguous rather than choosing one', () => {
    const m = matchLabel('Budget', taxonomy);
    expect(m.term).toBeNull();
    expect(m.reason).toMatch(/^ambiguous/);
  });

  it('leaves a bare "Summa" without a term, flagged as a total', () => {
    expect(matchLabel('Summa', taxonomy)).toMatchObject({ term: null, reason: 'empty', text: { total: true } });
  });
});

describe('matchIndicator', () => {
  it('maps an indicator that contains an area term word for word', () => {
    expect(matchIndicator('Antal hushåll med försörjningsstöd, varav barnfamiljer', taxonomy).term?.key).toBe('ekonomiskt_bistand');
    expect(matchIndicator('Antal personer över 65 år med hemtjänstbeslut', taxonomy).term?.key).toBe('aldreomsorg');
  });

  it('prefers the longer term ("barn och ungdom" over "institution")', () => {
    expect(matchIndicator('Köpta årsplatser institution, barn- och ungdom (Tertial)', taxonomy).term?.key).toBe('ifo_barn_unga');
  });

  it('leaves an indicator that names no area unmapped', () => {
    expect(matchIndicator('Sjukfrånvaro totalt samtliga anställda', taxonomy)).toMatchObject({ term: null, method: 'none' });
  });
});

describe('the taxonomy file', () => {
  it('loads, has unique keys and parents of the same kind', () => {
    expect(taxonomy.terms.length).toBeGreaterThan(20);
    expect(taxonomy.byKey.get('ifo_vuxna')?.parent).toBe('ifo');
    expect(taxonomy.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('rejects a duplicate key', () => {
    const dup = { version: 1, about: '', totals: [], areas: [], lines: [
      { key: 'x', kind: 'cost', name: 'X', variants: ['X'] }, { key: 'x', kind: 'cost', name: 'Y', variants: ['Y'] },
    ] };
    expect(() => parseTaxonomy(JSON.stringify(dup))).toThrow(/duplicate key "x"/);
  });
});
