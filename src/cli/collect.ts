/** PATH arguments → the files to import: folders walked recursively, in a stable order. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSupportedPath } from '../readers/index.js';

export async function collectFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    let st;
    try { st = await stat(p); } catch { missing.push(p); continue; }
    if (st.isDirectory()) files.push(...(await walk(p)));
    else files.push(p);
  }
  return { files: [...new Set(files)], missing };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && isSupportedPath(e.name)) out.push(full);
  }
  return out;
}
