import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentJsonSchema } from '../../src/model/json-schema.js';

describe('schema/document.schema.json', () => {
  it('is the schema generated from the zod model (run `npm run schema` when this fails)', () => {
    const committed = JSON.parse(readFileSync('schema/document.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(documentJsonSchema())));
  });

  it('lists every CONTRACT top-level key as required', () => {
    const s = documentJsonSchema() as { required: string[] };
    expect(s.required.sort()).toEqual(
      ['activities', 'budget', 'goals', 'indicators', 'meta', 'schemaVersion', 'sections', 'source', 'tables', 'warnings'].sort(),
    );
  });
});
