/**
 * npm run golden:update -- NAME... : rewrites fixtures/<NAME>/report.txt.expected.json from the
 * current extraction, for the named fixtures only (a folder name or a unique prefix of one).
 * With no NAME it rewrites every golden file. Refuses in CI. Read the diff first
 * (`npx vitest run tests/golden`), and read the new file against the report before committing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.CI === 'true') {
  console.error('golden:update: refusing to rewrite golden files in CI');
  process.exit(2);
}
const names = process.argv.slice(2).filter((a) => a !== '--');
const fixtures = readdirSync('fixtures', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join('fixtures', d.name, 'truth.json'))).map((d) => d.name);
for (const n of names) {
  const hits = fixtures.filter((f) => f === n || f.startsWith(n));
  if (hits.length !== 1) {
    console.error(`golden:update: '${n}' names ${hits.length ? `${hits.length} fixtures (${hits.join(', ')})` : 'no fixture'}; fixtures: ${fixtures.join(', ')}`);
    process.exit(2);
  }
}
console.error(`golden:update: rewriting ${names.length ? names.join(', ') : 'all fixtures'}`);
const r = spawnSync('npx', ['vitest', 'run', 'tests/golden'], {
  stdio: 'inherit', env: { ...process.env, UPDATE: '1', GOLDEN: names.join(',') },
});
process.exit(r.status ?? 1);
