import { describe, expect, it } from 'vitest';
import { warning } from '../../../src/model/diagnostic.js';
import { SourceDoc, sourceCell, type LineBlock, type TableBlock } from '../../../src/model/source-doc.js';
import { readDocx } from '../../../src/readers/docx/read-docx.js';
import { buildDocx, W_NS, type ZipInput } from '../../../fixtures/bad/docx/hostile.build.js';

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik3"><w:name w:val="Rubrik 3"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitelrubrik"/><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="52"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="Plain"/><w:basedOn w:val="Heading1"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="NumH1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="NumH2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Bullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>`;

const FOOTNOTES = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="${W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="7"><w:p><w:r><w:t>Källa: SCB.</w:t></w:r></w:p></w:footnote></w:footnotes>`;

const CORE = `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Delårsrapport &amp; bokslut</dc:title></cp:coreProperties>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;

const t = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (runs: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs}</w:p>`;
const tc = (content: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content}</w:tc>`;
const tr = (cells: string, header = false) => `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells}</w:tr>`;
const tbl = (rows: string) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows}</w:tbl>`;

async function read(body: string, extra: ZipInput[] = [{ name: 'word/styles.xml', data: STYLES }]) {
  const result = await readDocx(buildDocx(body, extra));
  expect(() => SourceDoc.parse(JSON.parse(JSON.stringify(result.value)))).not.toThrow();
  return result;
}

/** mammoth's test helper: read, and assert nothing was reported. */
async function readClean(body: string, extra?: ZipInput[]) {
  const result = await read(body, extra);
  expect(result.diagnostics).toEqual([]);
  return result.value;
}

const lines = (doc: SourceDoc) => doc.blocks.filter((b): b is LineBlock => b.kind === 'line');
const tables = (doc: SourceDoc) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('readDocx paragraphs', () => {
  it('should read a Heading N paragraph as a line with its declared level, style name, bold and size', async () => {
    const [line] = lines(await readClean(p(t('2.1 Ekonomi'), 'Heading2')));
    expect(line).toMatchObject({
      kind: 'line',
      text: '2.1 Ekonomi',
      styleName: 'heading 2',
      declaredLevel: 2,
      bold: true,
      fontSize: 13,
      page: null,
      line: null,
    });
  });

  it('should take the level from a Swedish "Rubrik N" style name', async () => {
    expect(lines(await readClean(p(t('Mål'), 'Rubrik3')))[0].declaredLevel).toBe(3);
  });

  it('should take the level from an outline level inherited along basedOn', async () => {
    expect(lines(await readClean(p(t('Kapitel ett'), 'Kapitel')))[0]).toMatchObject({ declaredLevel: 1, styleName: 'Kapitelrubrik' });
  });

  it('should give no level to TOC Heading, whose outline level 9 means body text', async () => {
    expect(lines(await readClean(p(t('Innehåll'), 'TOCHeading')))[0]).toMatchObject({ declaredLevel: null, styleName: 'TOC Heading' });
  });

  it('should keep Title as a style name without a level', async () => {
    expect(lines(await readClean(p(t('Årsredovisning 2019'), 'Title')))[0]).toMatchObject({ declaredLevel: null, styleName: 'Title', bold: true });
  });

  it('should name the default paragraph style when a paragraph has no w:pStyle', async () => {
    expect(lines(await readClean(p(t('Brödtext'))))[0]).toMatchObject({ styleName: 'Normal', fontSize: 11, bold: false });
  });

  it('should honour a style that switches bold off again', async () => {
    expect(lines(await readClean(p(t('Inte fet'), 'Plain')))[0].bold).toBe(false);
  });

  it('should call a line bold only when every visible character is bold', async () => {
    const doc = await readClean(
      p(t('Helt', '<w:b/>') + t(' ') + t('fet', '<w:rStyle w:val="Strong"/>')) + p(t('Delvis', '<w:b/>') + t(' fet')),
    );
    expect(lines(doc).map((l) => l.bold)).toEqual([true, false]);
  });

  it('should use the size covering most characters', async () => {
    expect(lines(await readClean(p(t('liten', '<w:sz w:val="16"/>') + t('mycket större text', '<w:sz w:val="28"/>'))))[0].fontSize).toBe(14);
  });

  it('should move superscript markers out of the text into footnotes', async () => {
    const [line] = lines(await readClean(p(t('Antal placeringar') + t('1,2', '<w:vertAlign w:val="superscript"/>') + t(' i år'))));
    expect(line).toMatchObject({ text: 'Antal placeringar i år', footnotes: ['1,2'] });
  });

  it('should keep superscript text that is not a marker', async () => {
    expect(lines(await readClean(p(t('1') + t('a', '<w:vertAlign w:val="superscript"/>') + t(' kvartalet'))))[0].text).toBe('1a kvartalet');
  });

  it('should number Word footnote references in document order', async () => {
    const doc = await readClean(p(t('Befolkning') + '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:footnoteReference w:id="7"/></w:r>'), [
      { name: 'word/styles.xml', data: STYLES },
      { name: 'word/footnotes.xml', data: FOOTNOTES },
    ]);
    expect(lines(doc)[0]).toMatchObject({ text: 'Befolkning', footnotes: ['1'] });
  });

  it('should keep tabs and line breaks, and hyperlink text', async () => {
    const doc = await readClean(
      p(t('1 Inledning') + '<w:r><w:tab/><w:t>3</w:t></w:r>') +
        p(t('Rad ett') + '<w:r><w:br/></w:r>' + t('rad två')) +
        p('<w:hyperlink w:anchor="x">' + t('www.kolada.se') + '</w:hyperlink>'),
    );
    expect(lines(doc).map((l) => l.text)).toEqual(['1 Inledning\t3', 'Rad ett\nrad två', 'www.kolada.se']);
  });

  it('should count empty paragraphs (and page-break paragraphs) into gapBefore', async () => {
    const doc = await readClean(p(t('A')) + p('') + p('<w:r><w:br w:type="page"/></w:r>') + p(t('B')));
    expect(lines(doc).map((l) => [l.text, l.gapBefore])).toEqual([['A', 0], ['B', 2]]);
  });

  it('should put back the list number Word prints before a style-numbered heading, but no bullets', async () => {
    const doc = await readClean(
      p(t('Ekonomi'), 'NumH1') + p(t('Resultat'), 'NumH2') + p(t('punkt'), 'Bullet') + p(t('Prognos'), 'NumH2') + p(t('Personal'), 'NumH1') + p(t('Sjukfrånvaro'), 'NumH2'),
      [
        { name: 'word/styles.xml', data: STYLES },
        { name: 'word/numbering.xml', data: NUMBERING },
      ],
    );
    expect(lines(doc).map((l) => [l.text, l.declaredLevel])).toEqual([
      ['2 Ekonomi', 1],
      ['2.1 Resultat', 2],
      ['punkt', null],
      ['2.2 Prognos', 2],
      ['3 Personal', 1],
      ['3.1 Sjukfrånvaro', 2],
    ]);
  });

  it('should read metaTitle from docProps/core.xml', async () => {
    const doc = await readClean(p(t('x')), [{ name: 'docProps/core.xml', data: CORE }]);
    expect(doc.metaTitle).toBe('Delårsrapport & bokslut');
  });

  it("should report mammoth's messages with docx codes", async () => {
    const result = await read(p(t('x'), 'Saknas'));
    expect(result.diagnostics).toEqual([
      warning('docx:undefined-style', 'Paragraph style with ID Saknas was referenced but not defined in the document'),
    ]);
    expect(lines(result.value)[0].styleName).toBe('Saknas');
  });
});

describe('readDocx tables', () => {
  it('should keep spans as declared, drop vMerge continuations and count repeat-header rows', async () => {
    const doc = await readClean(
      tbl(
        tr(tc(p(t('Verksamhet')), '<w:vMerge w:val="restart"/>') + tc(p(t('2019', '<w:b/>')), '<w:gridSpan w:val="2"/>'), true) +
          tr(tc(p(''), '<w:vMerge/>') + tc(p(t('Budget'))) + tc(p(t('Utfall'))), true) +
          tr(tc(p(t('Äldreomsorg')) + p(t('och LSS'))) + tc(p(t('1 200'))) + tc(p(t('-35')))),
      ),
    );
    const [table] = tables(doc);
    expect(table).toMatchObject({ kind: 'table', origin: 'docx', declaredHeaderRows: 2, page: null, bbox: null });
    expect(table.rows).toEqual([
      [sourceCell('Verksamhet', { rowSpan: 2 }), sourceCell('2019', { colSpan: 2, bold: true })],
      [sourceCell('Budget'), sourceCell('Utfall')],
      [sourceCell('Äldreomsorg och LSS'), sourceCell('1 200'), sourceCell('-35')],
    ]);
  });

  it('should leave declaredHeaderRows null without w:tblHeader', async () => {
    expect(tables(await readClean(tbl(tr(tc(p(t('a'))))))).at(0)?.declaredHeaderRows).toBeNull();
  });

  it('should keep note markers in cell text as superscript characters (cells have no footnotes field)', async () => {
    const [table] = tables(await readClean(tbl(tr(tc(p(t('varav anvisade ') + t('1', '<w:vertAlign w:val="superscript"/>')))))));
    expect(table.rows[0][0].text).toBe('varav anvisade ¹');
  });

  it('should flatten a nested table into its cell with a warning', async () => {
    const result = await read(tbl(tr(tc(p(t('Ytter')) + tbl(tr(tc(p(t('inre a'))) + tc(p(t('inre b'))))) + p('')))));
    expect(tables(result.value)[0].rows).toEqual([[sourceCell('Ytter inre a inre b')]]);
    expect(result.diagnostics).toEqual([warning('docx:nested-table', 'A table inside a table cell was flattened into the cell text')]);
  });

  it('should keep paragraphs and tables in reading order', async () => {
    const doc = await readClean(p(t('Före')) + tbl(tr(tc(p(t('cell'))))) + p(t('Efter')));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['line', 'table', 'line']);
  });
});
