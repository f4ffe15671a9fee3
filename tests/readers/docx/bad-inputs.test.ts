import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../../src/model/diagnostic.js';
import { readDocx } from '../../../src/readers/docx/read-docx.js';
import { HOSTILE } from '../../../fixtures/bad/docx/hostile.build.js';

const DIR = fileURLToPath(new URL('../../../fixtures/bad/docx/', import.meta.url));

async function failure(bytes: Uint8Array, limits?: { maxEntryBytes?: number }): Promise<UnreadableInputError> {
  try {
    await readDocx(bytes, { limits });
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableInputError);
    return error as UnreadableInputError;
  }
  throw new Error('expected readDocx to throw');
}

describe('hostile and broken inputs', () => {
  it.each(HOSTILE.map((h) => [h.file, h] as const))('%s is refused with its code', async (_file, h) => {
    const error = await failure(h.build(), h.limits);
    expect(error.code).toBe(h.code);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it.each(HOSTILE.map((h) => [h.file, h] as const))('%s: the committed file matches its recipe', (file, h) => {
    if (!existsSync(DIR + file)) return;
    expect(new Uint8Array(readFileSync(DIR + file))).toEqual(h.build());
  });

  it('should tell a user what to do with a Word 97-2003 file', async () => {
    const error = await failure(HOSTILE.find((h) => h.file === 'legacy.doc')!.build());
    expect(error.message).toMatch(/Word 97-2003 \.doc file; save it as \.docx/);
  });

  it('should say a renamed PDF looks like a PDF', async () => {
    const error = await failure(HOSTILE.find((h) => h.file === 'pdf-renamed.docx')!.build());
    expect(error.message).toMatch(/looks like a PDF/);
  });

  it('should refuse the declared-size bomb under the default limit, naming the entry', async () => {
    const error = await failure(HOSTILE.find((h) => h.file === 'bomb-declared.docx')!.build());
    expect(error.message).toMatch(/word\/document\.xml.*300 MB.*200 MB/);
  });

  it('should let the actual-size bomb past the size guard under the default limit (it then fails as bad XML)', async () => {
    // 2 MB of spaces is harmless under 200 MB; only the lowered limit makes it a bomb.
    const h = HOSTILE.find((x) => x.file === 'bomb-actual.docx')!;
    await expect(readDocx(h.build())).rejects.toMatchObject({ code: 'docx:corrupt' });
  });
});
