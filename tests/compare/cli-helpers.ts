/** For the CLI tests of unmapped, export and report: a seed database on disk, and a runner. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { seedDb } from './seed-db.js';

export async function seedFile(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'kommunrapport-cli-')), 'seeds.sqlite');
  const db = await seedDb();
  await db.backup(path);
  db.close();
  return path;
}

export async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}
