/** Verdict clauses as revisorer print them (Stadsrevisionen Göteborg 2024, pp. 26–27, and their negations). */
import { describe, expect, it } from 'vitest';
import { normalizeAssessment, normalizeProseVerdict } from '../../src/normalize/status.js';

describe('normalizeProseVerdict', () => {
  it.each([
    ['i huvudsak är förenligt', 'largely_met'],
    ['är förenligt', 'met'],
    ['inte är förenligt', 'not_met'],
    ['är delvis förenligt', 'partly_met'],
    ['inte är möjligt att avgöra', 'not_assessed'],
    ['når upp till balanskravet', 'met'],
    ['uppfylla balanskravet', 'met'],
    ['når inte upp till balanskravet', 'not_met'],
    ['föreligger god ekonomisk hushållning', 'met'],
    ['föreligger inte god ekonomisk hushållning', 'not_met'],
    ['negativ avvikelse', 'not_met'],
    ['en rättvisande bild', 'unknown'],
  ] as const)('%s → %s', (clause, expected) => {
    expect(normalizeProseVerdict(clause)).toBe(expected);
  });

  it('leaves the table vocabulary alone: a status cell "förenligt" is no assessment there', () => {
    expect(normalizeAssessment('Är förenligt')).toBe('unknown');
  });
});
