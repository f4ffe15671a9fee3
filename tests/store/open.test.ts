import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getVersion, LATEST_VERSION } from '../../src/store/migrate.js';
import { openReadOnly, openWritable } from '../../src/store/open.js';
import { countRows, hasDocument, writeDocument } from '../../src/store/write-document.js';
import { sampleDocument, SHA_A } from './sample-document.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kommunrapport-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openWritable', () => {
  it('creates, migrates and sets the pragmas', () => {
    const db = openWritable(join(dir, 'r.db'));
    try {
      expect(getVersion(db)).toBe(LATEST_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(10000);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    } finally {
      db.close();
    }
  });

  it('reopens an existing database with its rows', () => {
    const path = join(dir, 'r.db');
    const a = openWritable(path);
    writeDocument(a, sampleDocument(), { parserVersion: 'p1' });
    a.close();
    const b = openWritable(path);
    try {
      expect(hasDocument(b, SHA_A, 'p1')).toBe(true);
      expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      b.close();
    }
  });
});

describe('openReadOnly', () => {
  it('reads a database the writer has closed', () => {
    const path = join(dir, 'r.db');
    const w = openWritable(path);
    writeDocument(w, sampleDocument(), { parserVersion: 'p1' });
    w.close();
    const r = openReadOnly(path);
    try {
      expect(countRows(r).documents).toBe(1);
    } finally {
      r.close();
    }
  });

  it('reads while a writer holds the database open', () => {
    const path = join(dir, 'r.db');
    const w = openWritable(path);
    try {
      writeDocument(w, sampleDocument(), { parserVersion: 'p1' });
      const r = openReadOnly(path);
      try {
        expect(hasDocument(r, SHA_A)).toBe(true);
      } finally {
        r.close();
      }
    } finally {
      w.close();
    }
  });

  it('cannot write', () => {
    const path = join(dir, 'r.db');
    openWritable(path).close();
    const r = openReadOnly(path);
    try {
      expect(() => r.exec(`DELETE FROM documents`)).toThrow();
      expect(() => r.exec(`CREATE TABLE t (x)`)).toThrow();
      expect(() => r.exec(`CREATE TEMP TABLE t (x)`)).toThrow();
    } finally {
      r.close();
    }
  });

  it('refuses a missing file instead of creating it', () => {
    expect(() => openReadOnly(join(dir, 'missing.db'))).toThrow();
  });

  it('is rejected where a writable handle is needed (type level)', () => {
    const path = join(dir, 'r.db');
    openWritable(path).close();
    const r = openReadOnly(path);
    try {
      // @ts-expect-error a ReadableDb is not a WritableDb
      expect(() => writeDocument(r, sampleDocument(), { parserVersion: 'p1' })).toThrow();
    } finally {
      r.close();
    }
  });
});
