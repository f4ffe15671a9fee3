import { describe, expect, it } from 'vitest';
import { extractFile, withWarnings } from '../../src/pipeline/extract.js';
import { compareGolden } from '../helpers/golden.js';
import { inputPath, reportFixtures } from '../helpers/fixtures.js';

describe('golden canonical documents from the text seeds', () => {
  for (const name of reportFixtures()) {
    it(`${name}/report.txt equals report.txt.expected.json`, async () => {
      const path = inputPath(name, 'txt');
      const doc = withWarnings(await extractFile(path));
      const diff = compareGolden(`${path}.expected.json`, doc);
      expect(diff, diff.join('\n')).toEqual([]);
    });
  }
});
