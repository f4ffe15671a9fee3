/** A readable Markdown view of a canonical document, for people checking an extraction. */
import type { CanonicalDocument } from '../model/document.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(doc: CanonicalDocument): string {
  const out: string[] = [];
  const m = doc.meta;
  out.push(`# ${m.title ?? doc.source.path}`, '');
  out.push(`- municipality: ${m.municipality ?? '?'} (${m.municipalityCode ?? '?'})`, `- organ: ${m.organ ?? '?'}`,
    `- report: ${m.reportType ?? '?'} ${m.year ?? ''}, period end ${m.periodEnd ?? '?'}`, '');
  const tablesBySection = new Map<string | null, typeof doc.tables>();
  for (const t of doc.tables) tablesBySection.set(t.sectionId, [...(tablesBySection.get(t.sectionId) ?? []), t]);
  const renderTables = (id: string | null) => {
    for (const t of tablesBySection.get(id) ?? []) {
      out.push(`*${t.id} ${t.kind}${t.unit ? ` (${t.unit})` : ''}${t.caption ? `: ${t.caption}` : ''}*`, '');
      const width = t.rows[0]?.length ?? 0;
      t.rows.forEach((r, i) => {
        out.push(`| ${r.map(cell).join(' | ')} |`);
        if (i === Math.max(0, t.headerRows - 1)) out.push(`|${' --- |'.repeat(width)}`);
      });
      out.push('');
    }
  };
  renderTables(null);
  for (const s of doc.sections) {
    out.push(`${'#'.repeat(Math.min(s.level + 1, 6))} ${s.number ? `${s.number} ` : ''}${s.title}`, '');
    renderTables(s.id);
  }
  out.push('## Records', '', `- activities: ${doc.activities.length}`, `- indicators: ${doc.indicators.length}`,
    `- budget values: ${doc.budget.length}`, `- goals: ${doc.goals.length}`, `- warnings: ${doc.warnings.length}`, '');
  for (const g of doc.goals) out.push(`- goal (${g.level ?? '?'}): ${g.text} → ${g.assessment}${g.assessmentText ? ` ("${g.assessmentText}")` : ''}`);
  return `${out.join('\n')}\n`;
}
