/**
 * Makes the flattened fixtures under fixtures/flat/ from the tab-separated seeds
 * (fixtures/<name>/report.txt), for issue 9:
 * - <name>/flat.txt: each tab replaced by one space, as text copied out of a PDF arrives;
 * - <name>/glued.txt: each tab removed, cells run together ("Intäkter-28 603-63 742").
 * Lines and line numbers stay as in the seed, so each recovered row can be checked against
 * the tab-separated original, which is the truth for both variants.
 *
 * The same from the PDFs: scripts/make-flat-pdf.ts (fixtures/flat/README.md).
 *
 * Run: npx tsx scripts/make-flat.ts
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = 'fixtures';
const OUT = join(FIXTURES, 'flat');

export function flatten(text: string): string {
  return text.replace(/\t/g, ' ');
}

export function glue(text: string): string {
  return text.replace(/\t/g, '');
}

const names = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'report.txt')))
  .map((d) => d.name)
  .sort();
for (const name of names) {
  const text = readFileSync(join(FIXTURES, name, 'report.txt'), 'utf8');
  mkdirSync(join(OUT, name), { recursive: true });
  writeFileSync(join(OUT, name, 'flat.txt'), flatten(text));
  writeFileSync(join(OUT, name, 'glued.txt'), glue(text));
  console.log(`${name}: flat.txt, glued.txt`);
}
