/** The bundled report fixtures: fixtures/<name>/report.{txt,pdf,docx} with truth.json beside them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Truth } from '../../src/eval/truth.js';

export const FIXTURES = 'fixtures';

export function reportFixtures(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'truth.json')))
    .map((d) => d.name)
    .sort();
}

export function truthOf(name: string): Truth {
  return JSON.parse(readFileSync(join(FIXTURES, name, 'truth.json'), 'utf8')) as Truth;
}

export const inputPath = (name: string, ext: 'txt' | 'pdf' | 'docx') => join(FIXTURES, name, `report.${ext}`);
