/**
 * Where tests find their inputs: everything under fixtures/, so a clean clone tests on its own
 * (../shared is where the fixtures came from, not something CI has).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const REAL_DIR = join(FIXTURES_DIR, 'real');

/** A seed report by its original file name ("hjo-2016-verksamhetsuppfoljning.txt"). */
export function seedPath(file: string): string {
  return join(FIXTURES_DIR, file.replace(/\.txt$/, ''), 'report.txt');
}
