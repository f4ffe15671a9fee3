/** JSON Schema of the canonical document, generated from the zod model (never hand-edited). */
import { z } from 'zod';
import { CanonicalDocument, SCHEMA_VERSION } from './document.js';

export function documentJsonSchema(): object {
  const schema = z.toJSONSchema(CanonicalDocument, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: `https://kommunrapport.invalid/schema/document-v${SCHEMA_VERSION}.json`,
    title: 'kommunrapport canonical document',
    ...schema,
  };
}
