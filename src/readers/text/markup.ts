/**
 * Markdown-ish artefacts in text exports (the Mölndal seed has '#' headings, **bold**,
 * ***bold italic***, <b>…</b>, <sup>n</sup> and [text](url) links). They are formatting,
 * not content: strip them and keep what they said as facts (declared level, bold).
 */
import { toSuperscript } from '../superscript.js';

export interface Unmarked {
  text: string;
  /** All visible text was inside bold markup. */
  bold: boolean;
  /** Heading level declared with leading '#' characters. */
  declaredLevel: number | null;
  /** Footnote markers that were written as <sup>…</sup>. */
  footnotes: string[];
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

export function unmark(raw: string): Unmarked {
  let text = raw;
  let declaredLevel: number | null = null;
  const heading = HEADING.exec(text.trim());
  if (heading && !text.includes('\t')) {
    declaredLevel = heading[1].length;
    text = heading[2];
  }
  const footnotes: string[] = [];
  text = text.replace(/<sup>\s*(.*?)\s*<\/sup>/gi, (_m, inner: string) => {
    footnotes.push(inner);
    return toSuperscript(inner);
  });
  const bold = isAllBold(text);
  text = text
    .replace(/\*{2,3}/g, '')
    .replace(/^\*(\S(?:.*\S)?)\*$/, '$1')
    .replace(/<\/?(b|strong|i|em|u)>/gi, '')
    .replace(/\[([^\]]+)\]\((?:https?:|www\.)[^)]*\)/g, '$1');
  return { text, bold, declaredLevel, footnotes };
}

/** True when every non-space character sits inside **…**, ***…*** or <b>…</b>. */
function isAllBold(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  const outside = t
    .replace(/\*{2,3}[^*]+?\*{2,3}/g, '')
    .replace(/<(b|strong)>.*?<\/\1>/gi, '')
    .replace(/[\t ]/g, '');
  return outside === '' && t.length > 0 && (t.includes('**') || /<(b|strong)>/i.test(t));
}
