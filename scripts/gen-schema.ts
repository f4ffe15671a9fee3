/** Writes schema/document.schema.json from the zod model. A test fails when it is stale. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { documentJsonSchema } from '../src/model/json-schema.js';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/document.schema.json', `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
console.log('wrote schema/document.schema.json');
