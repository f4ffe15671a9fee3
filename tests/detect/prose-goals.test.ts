/**
 * Hedged goal assessments read from prose. Sentences are quoted from
 * fixtures/real/stadsrevisionens_arsredogorelse_2024.pdf (pp. 26–27); expected readings are the
 * gold's assessment_norm (stadsrevisionens_arsredogorelse_2024.gold.json).
 */
import { describe, expect, it } from 'vitest';
import { detectProseGoals } from '../../src/detect/prose-goals.js';
import { proseSentences } from '../../src/detect/prose-sentences.js';
import type { Sentence } from '../../src/detect/prose-sentences.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Block } from '../../src/model/source-doc.js';

const sentence = (text: string): Sentence => ({ text, blockIndex: 0, page: 27, line: null, paragraph: 0 });
const read = (text: string, diagnostics?: Diagnostic[]) =>
  detectProseGoals([sentence(text)], { sectionAt: () => null }, diagnostics).map((g) => [g.text, g.assessment]);

describe('detectProseGoals', () => {
  it('reads the gold verdicts of pp. 26–27', () => {
    expect(read('Uppföljningen visade på måluppfyllelse för tre av de fyra finansiella målen.')).toEqual([['Finansiella mål', 'partly_met']]);
    expect(read('För målet exploateringsverksamheten ska vara i balans fanns det en negativ avvikelse.'))
      .toEqual([['Exploateringsverksamheten ska vara i balans', 'not_met']]);
    expect(read('Av balanskravsutredningen framgår att Göteborgs Stad når upp till balanskravet 2024.')).toEqual([['Balanskravet 2024', 'met']]);
    expect(read('Kommunstyrelsen har bedömt att det föreligger god ekonomisk hushållning både ur ett finansiellt och ett verksamhetsmässigt perspektiv.'))
      .toEqual([['God ekonomisk hushållning', 'met']]);
    expect(read('För de finansiella målen är det vår bedömning att resultatet i årsredovisningen i huvudsak är förenligt med de finansiella målen för god ekonomisk hushållning som fullmäktige har beslutat om.'))
      .toEqual([['Finansiella mål för god ekonomisk hushållning', 'largely_met']]);
    expect(read('Vi bedömer att det inte är möjligt att avgöra om resultatet för verksamheten är förenligt med de verksamhetsmål för 2024 som fullmäktige beslutat om då verksamhetsmålen saknade målvärden.'))
      .toEqual([['Verksamhetsmål för 2024', 'not_assessed']]);
  });

  it('reads negations and counts the other way', () => {
    expect(read('Vi bedömer att resultatet enligt årsredovisningen inte är förenligt med de finansiella mål som fullmäktige fastställt.'))
      .toEqual([['Finansiella mål', 'not_met']]);
    expect(read('Kommunen uppfyller inte balanskravet.')).toEqual([['Balanskravet', 'not_met']]);
    expect(read('Samtliga nämnder nådde fyra av fyra verksamhetsmål.')).toEqual([['Verksamhetsmål', 'met']]);
  });

  it('takes no question, duty or forecast for a verdict (p26)', () => {
    expect(read('Revisorernas uppgift är att bedöma om resultatet i årsredovisningen är förenligt med de mål och riktlinjer som fullmäktige har fastställt.')).toEqual([]);
    expect(read('Förvaltningsberättelsen ska innehålla en utredning om kommunen uppfyller balanskravet.')).toEqual([]);
    expect(read('Kommunen ska uppfylla balanskravet.')).toEqual([]);
    expect(read('I Alingsås råder god ekonomisk hushållning grundad på effektiv resursanvändning')).toEqual([]);
    expect(read('Uppföljningen visade att tre av de fyra målen uppnåtts.')).toEqual([]);
  });

  it('keeps a repeated verdict once and warns when two verdicts disagree', () => {
    const diagnostics: Diagnostic[] = [];
    const goals = detectProseGoals([
      sentence('Av balanskravsutredningen framgår att Göteborgs Stad når upp till balanskravet 2024.'),
      sentence('Göteborgs Stad bedöms uppfylla balanskravet 2024.'),
      sentence('Kommunen når inte upp till balanskravet 2024.'),
    ], { sectionAt: () => null }, diagnostics);
    expect(goals.map((g) => g.assessment)).toEqual(['met', 'not_met']);
    expect(diagnostics.map((d) => d.code)).toEqual(['assessment:conflict']);
  });
});

describe('proseSentences', () => {
  const line = (text: string, page = 28): Block => ({ kind: 'line', text, cells: null, page, line: null } as unknown as Block);

  it('joins a sentence broken over blocks and past a subhead, undoing hyphenation (p28)', () => {
    const blocks = [line('År 2022 riktades kritik mot grundskole-'), line('Mer om granskningen'), line('nämnden i form av en anmärkning. Detta på grund')];
    const s = proseSentences(blocks, new Set(), new Set([1]));
    expect(s[0].text).toBe('År 2022 riktades kritik mot grundskolenämnden i form av en anmärkning.');
    expect(s[0].blockIndex).toBe(0);
    expect(s[1].blockIndex).toBe(2);
  });

  it('keeps the hyphen of a compound before "och"', () => {
    const s = proseSentences([line('kritik mot inköps-'), line('och upphandlingsnämnden.')], new Set(), new Set());
    expect(s[0].text).toBe('kritik mot inköps- och upphandlingsnämnden.');
  });
});
