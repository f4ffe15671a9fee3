import { describe, expect, it } from 'vitest';
import { normalizeActivityStatus, normalizeAssessment } from '../../src/normalize/status.js';

describe('normalizeActivityStatus', () => {
  it('reads the Hjo Status? column words', () => {
    expect(normalizeActivityStatus('Pågår')).toBe('ongoing');
    expect(normalizeActivityStatus('Avslutat')).toBe('done');
    expect(normalizeActivityStatus('Klart')).toBe('done');
    expect(normalizeActivityStatus('Ej klart')).toBe('not_done'); // Hjo line 92
  });
  it('reads the Alingsås status legend (lines 337-341)', () => {
    expect(normalizeActivityStatus('Påbörjad')).toBe('ongoing');
    expect(normalizeActivityStatus('Väntar')).toBe('not_started');
    expect(normalizeActivityStatus('Färdig')).toBe('done');
    expect(normalizeActivityStatus('Stoppad')).toBe('stopped');
    expect(normalizeActivityStatus('Försenad')).toBe('delayed');
    expect(normalizeActivityStatus('Status ✅ Färdig')).toBe('done');
    expect(normalizeActivityStatus('Status ▶ Påbörjad')).toBe('ongoing');
  });
  it('reads the Ale uppdrag status column (lines 415-423), words before symbols', () => {
    expect(normalizeActivityStatus('⏸ Pågående med avvikelser')).toBe('delayed');
    expect(normalizeActivityStatus('Avslutad')).toBe('done');
    expect(normalizeActivityStatus('Pågående')).toBe('ongoing');
    expect(normalizeActivityStatus('— Ej påbörjad')).toBe('not_started');
  });
  it('reads the Mölndal åtgärd columns (lines 615-630)', () => {
    expect(normalizeActivityStatus('Genomförd')).toBe('done');
    expect(normalizeActivityStatus('Ej genomförd')).toBe('not_done');
  });
  it('is case and whitespace insensitive', () => {
    expect(normalizeActivityStatus('  EJ   STARTAD ')).toBe('not_started');
    expect(normalizeActivityStatus('avbruten')).toBe('stopped');
    expect(normalizeActivityStatus('Vilande')).toBe('stopped');
  });
  it('falls back to symbols alone', () => {
    expect(normalizeActivityStatus('✓')).toBe('done');
    expect(normalizeActivityStatus('▶')).toBe('ongoing');
    expect(normalizeActivityStatus('⏸')).toBe('stopped');
    expect(normalizeActivityStatus('❌')).toBe('not_done');
  });
  it('says unknown for nothing or other words', () => {
    expect(normalizeActivityStatus(null)).toBe('unknown');
    expect(normalizeActivityStatus('')).toBe('unknown');
    expect(normalizeActivityStatus('Se kommentar')).toBe('unknown');
    expect(normalizeActivityStatus('Klarare riktlinjer')).toBe('unknown');
  });
});

describe('normalizeAssessment', () => {
  it('reads the Alingsås scale (lines 85-89)', () => {
    expect(normalizeAssessment('Ej uppfyllt')).toBe('not_met');
    expect(normalizeAssessment('Delvis uppfyllt')).toBe('partly_met');
    expect(normalizeAssessment(' I hög grad uppfyllt')).toBe('largely_met');
    expect(normalizeAssessment('Helt uppfyllt')).toBe('met');
    expect(normalizeAssessment('Ej utvärderad')).toBe('not_assessed');
  });
  it('reads the Hjo goal lines (31, 231)', () => {
    expect(normalizeAssessment('Uppfyllt')).toBe('met');
    expect(normalizeAssessment('Ej uppfyllt')).toBe('not_met');
  });
  it('reads Tyresö sentences (lines 92, 141)', () => {
    expect(normalizeAssessment('Målet bedöms vara delvis uppfyllt eftersom merparten')).toBe('partly_met');
    expect(normalizeAssessment('Målet bedöms inte vara uppfyllt. För verksamhetsområdet')).toBe('not_met');
    expect(normalizeAssessment('Målet bedöms vara i hög grad uppfyllt.')).toBe('largely_met');
  });
  it('reads other phrasings and colours', () => {
    expect(normalizeAssessment('Målet är uppfyllt')).toBe('met');
    expect(normalizeAssessment('I huvudsak uppfyllt')).toBe('largely_met');
    expect(normalizeAssessment('Inte uppfyllt')).toBe('not_met');
    expect(normalizeAssessment('Ej bedömt')).toBe('not_assessed');
    expect(normalizeAssessment('Kan ej bedömas')).toBe('not_assessed');
    expect(normalizeAssessment('Bedöms ej')).toBe('not_assessed');
    expect(normalizeAssessment('Grön')).toBe('met');
    expect(normalizeAssessment('gul')).toBe('partly_met');
    expect(normalizeAssessment('RÖD')).toBe('not_met');
    expect(normalizeAssessment(' Nära värde')).toBe('partly_met'); // Alingsås indicator Bedömning
    expect(normalizeAssessment(' Värde uppnått')).toBe('met'); // Alingsås line 329
  });
  it('says unknown for nothing', () => {
    expect(normalizeAssessment(null)).toBe('unknown');
    expect(normalizeAssessment('Kommentar')).toBe('unknown');
  });
});
