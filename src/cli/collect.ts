/**
 * PATH arguments → the files to import: folders walked recursively, in a stable order (names
 * sorted per folder). `walkPaths` streams them, holding one folder listing per level, so an
 * archive of any size starts importing at once; `collectFiles` is the same list in memory.
 *
 * A file named on the command line is taken whatever its extension (the extractor reports an
 * unsupported type); inside folders only .txt, .md, .pdf and .docx are taken. Symbolic links
 * inside folders are not followed, so a link loop cannot trap the walk.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isSupportedPath } from '../readers/index.js';

export type WalkEntry = { path: string } | { missing: string; reason: string };

export async function* walkPaths(paths: string[]): AsyncGenerator<WalkEntry> {
  const seen = new Set<string>();
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      yield { missing: p, reason: (e as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loop' : 'no such file or folder' };
      continue;
    }
    const files = st.isDirectory() ? walk(p) : one(p);
    for await (const f of files) {
      const key = resolve(f);
      if (seen.has(key)) continue;
      seen.add(key);
      yield { path: f };
    }
  }
}

async function* one(p: string): AsyncGenerator<string> {
  yield p;
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder (permissions, removed meanwhile): nothing to import from it
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile() && isSupportedPath(e.name)) yield full;
  }
}

/** How many files `walkPaths` will yield (a listing pass only; nothing is read). */
export async function countPaths(paths: string[]): Promise<number> {
  let n = 0;
  for await (const e of walkPaths(paths)) if ('path' in e) n++;
  return n;
}

export async function collectFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for await (const e of walkPaths(paths)) {
    if ('path' in e) files.push(e.path);
    else missing.push(e.missing);
  }
  return { files, missing };
}
