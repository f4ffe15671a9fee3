/**
 * Revision criticism read from prose. Sentences are quoted from
 * fixtures/real/stadsrevisionens_arsredogorelse_2024.pdf (pp. 6–8, 28, 31) as the PDF reader
 * gives them; the grades and organs are the gold's (stadsrevisionens_arsredogorelse_2024.gold.json).
 */
import { describe, expect, it } from 'vitest';
import { detectCriticism, matchCriticism } from '../../src/detect/criticism.js';
import type { Sentence } from '../../src/detect/prose-sentences.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const sentence = (text: string, paragraph = 0): Sentence => ({ text, blockIndex: 0, page: 7, line: null, paragraph });
const ctx = { sectionAt: () => 's1', headingAbove: () => 'Kritik riktas till grundskolenämnden' };

describe('matchCriticism', () => {
  it('reads grade and organ in both word orders (pp. 7, 29)', () => {
    expect(matchCriticism('Med utgångspunkt i revisionskontorets bedömning och mot bakgrund av bristerna riktar revisorerna kritik mot grundskolenämnden i form av en anmärkning.'))
      .toEqual({ grade: 'anmärkning', organ: 'grundskolenämnden' });
    expect(matchCriticism('Lekmannarevisorerna riktade 2023 kritik i form av en erinran till Älvstranden Utveckling AB.'))
      .toEqual({ grade: 'erinran', organ: 'Älvstranden Utveckling AB' });
    expect(matchCriticism('riktar lekmannarevisorerna kritik till bolagets styrelse och verkställande direktör i form av en erinran.'))
      .toEqual({ grade: 'erinran', organ: 'bolagets styrelse och verkställande direktör' });
  });

  it('keeps a hyphenated compound organ whole (p8)', () => {
    expect(matchCriticism('riktar revisorerna kritik mot inköps- och upphandlingsnämnden i form av en anmärkning.')?.organ)
      .toBe('inköps- och upphandlingsnämnden');
  });

  it('reads the revisionsberättelse verdicts on ansvarsfrihet and a direct anmärkning', () => {
    expect(matchCriticism('Vi avstyrker att ansvarsfrihet beviljas för socialnämnden.'))
      .toEqual({ grade: 'avstyrker ansvarsfrihet', organ: 'socialnämnden' });
    expect(matchCriticism('Revisorerna riktar en anmärkning mot byggnadsnämnden eftersom nämnden brustit i sin tillsyn.'))
      .toEqual({ grade: 'anmärkning', organ: 'byggnadsnämnden' });
  });

  it('refuses an organ that runs into text from the other column (p29)', () => {
    expect(matchCriticism('År 2023 riktades kritik mot förskolenämnende rekommendationen om att implementera den i form av en erinran.')).toBeNull();
  });
});

describe('detectCriticism', () => {
  it('makes one revision_criticism record with the exemption that follows (p7)', () => {
    const goals = detectCriticism([
      sentence('Med utgångspunkt i revisionskontorets bedömning och mot bakgrund av bristerna riktar revisorerna kritik mot grundskolenämnden i form av en anmärkning.'),
      sentence('De ledamöter som reserverat sig mot nämndens beslut eller som inte tjänstgjorde vid beslutstillfället undantas från kritiken.'),
    ], ctx);
    expect(goals).toHaveLength(1);
    expect(goals[0]).toMatchObject({
      kind: 'revision_criticism', organ: 'grundskolenämnden', level: 'Revisionskritik',
      text: 'Kritik riktas till grundskolenämnden', assessment: 'unknown',
    });
    expect(goals[0].assessmentText).toContain('i form av en anmärkning');
    expect(goals[0].assessmentText).toContain('undantas från kritiken');
  });

  it('marks a follow-up of an earlier year with that year (p28)', () => {
    const [g] = detectCriticism([sentence('År 2022 riktades kritik mot grundskolenämnden i form av en anmärkning.')], ctx);
    expect(g.level).toBe('Revisionskritik 2022');
  });

  it('makes no record of definitions, summaries, conditionals or "utan anmärkning"', () => {
    const diagnostics: Diagnostic[] = [];
    const goals = detectCriticism([
      sentence('I Göteborgs Stad graderas revisionskritik genom begreppen erinran och anmärkning.'),
      sentence('En anmärkning kan, när det gäller nämnderna, lämnas med eller utan tillstyrkt ansvarsfrihet.'),
      sentence('Om revisorerna riktar en anmärkning mot en styrelse, en nämnd eller mot enskilda ledamöter ges de alltid en möjlighet att yttra sig till kommunfullmäktige.'),
      sentence('I år riktar vi kritik till Förvaltnings AB Framtiden, grundskolenämnden och nämnden för inköp och upphandling.'),
      sentence('Kontrollen genomfördes utan anmärkning.'),
    ], ctx, diagnostics);
    expect(goals).toEqual([]);
  });

  it('warns instead of guessing when the organ cannot be read', () => {
    const diagnostics: Diagnostic[] = [];
    const goals = detectCriticism([sentence('År 2023 riktades kritik mot förskolenämnende rekommendationen om att implementera den i form av en erinran.')], ctx, diagnostics);
    expect(goals).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['criticism:unread']);
  });
});
