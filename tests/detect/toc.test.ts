import { describe, expect, it } from 'vitest';
import { detectToc } from '../../src/detect/toc.js';
import { lineBlock, sourceCell, type Block, type TableBlock } from '../../src/model/index.js';

function table(rows: string[][]): TableBlock {
  return {
    kind: 'table', rows: rows.map((r) => r.map((t) => sourceCell(t))), page: 3, pageEnd: 3, line: null,
    bbox: null, declaredHeaderRows: null, origin: 'pdf-aligned',
  };
}

describe('detectToc', () => {
  it('reads a PDF table of title/page rows under "Innehåll" as TOC entries, leader lines after it too', () => {
    const blocks: Block[] = [
      lineBlock({ text: 'Innehåll' }),
      table([['Förord av ordförande', '1'], ['Granskning av verksamheterna', '2'], ['Kritik mot nämnden', '3']]),
      lineBlock({ text: 'Språkbruk och revisionstermer........................28' }),
      lineBlock({ text: 'Förord av ordförande' }),
    ];
    const toc = detectToc(blocks);
    expect(toc.entries.map((e) => [e.title, e.page])).toEqual([
      ['Förord av ordförande', 1], ['Granskning av verksamheterna', 2], ['Kritik mot nämnden', 3],
      ['Språkbruk och revisionstermer', 28],
    ]);
    expect([...toc.blockIndices].sort()).toEqual([0, 1, 2]);
  });

  it('leaves a two-column count table alone when no TOC is beside it', () => {
    const blocks: Block[] = [
      lineBlock({ text: 'Antal besökare' }),
      table([['Biblioteket', '12'], ['Museet', '30'], ['Simhallen', '45']]),
    ];
    expect(detectToc(blocks).entries).toEqual([]);
  });
});
