/**
 * npm run eval [-- --json] [--only fixtures,real,peers] [--peers DIR] [--detail] [--check]
 *
 * 1. fixtures/<name>/report.{txt,pdf,docx} vs truth.json: heading precision/recall, table-cell agreement.
 * 2. fixtures/real/*.pdf vs *.gold.json: recall per record kind, every miss listed.
 * 3. ../shared/peer-suites (when present): table scores per suite after its score_tables.py.
 * Prints one table, then the misses; --json prints everything machine-readable instead.
 * --check exits 1 when a real PDF is under budget recall 0.95 or indicator recall 0.90.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFixtures, runPeers, runReal, type FixtureRow, type PeerPairRow, type RealRow } from '../src/eval/run.js';
import type { SuiteSummary } from '../src/eval/peer.js';
import {
  fixtureRows, LEGEND, peerRows, realRows, renderFailures, renderMisses, renderPeerDetail, renderTable,
} from '../src/eval/report.js';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const opt = (name: string) => {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
};

function projectRoot(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'fixtures'))) return d;
    d = dirname(d);
  }
  return process.cwd();
}

const json = flag('--json');
const only = new Set((opt('--only') ?? 'fixtures,real,peers').split(',').map((s) => s.trim()));
const root = projectRoot();
const peerDir = resolve(root, opt('--peers') ?? '../shared/peer-suites');

// Keep stdout for the report: library warnings (pdf.js prints with console.log) go to stderr.
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
console.log = (...a: unknown[]) => console.error(...a);
const progress = process.stderr.isTTY && !flag('--no-progress')
  ? (s: string) => process.stderr.write(`\r\x1b[Keval: ${s}`)
  : undefined;

const fixtures: FixtureRow[] = only.has('fixtures') ? await runFixtures(root, progress) : [];
const real: RealRow[] = only.has('real') ? await runReal(root, progress) : [];
const peers: { pairs: PeerPairRow[]; suites: SuiteSummary[] } | null = only.has('peers') ? await runPeers(peerDir, progress) : null;
if (progress) process.stderr.write('\r\x1b[K');

const acceptance = real.map((r) => ({
  name: r.name,
  budgetRecall: r.score?.budget.recall ?? null,
  indicatorRecall: r.score?.indicators.recall ?? null,
  pass: !!r.score
    && (r.score.budget.recall == null || r.score.budget.recall >= 0.95)
    && (r.score.indicators.recall == null || r.score.indicators.recall >= 0.9),
}));

if (json) {
  out(JSON.stringify({
    fixtures, real, acceptance,
    peers: peers ?? { skipped: `no ${join(peerDir, 'index.json')}` },
  }, null, 2));
} else {
  const rows = [...fixtureRows(fixtures), ...realRows(real), ...(peers ? peerRows(peers.suites, peers.pairs) : [])];
  out(renderTable(rows));
  out('');
  out(LEGEND);
  if (only.has('peers') && !peers) out(`(peer suites skipped: no ${join(peerDir, 'index.json')})`);
  out('');
  out(`Acceptance (budget recall >= 0.95, indicator recall >= 0.90): ${acceptance.map((a) => `${a.name} ${a.pass ? 'PASS' : 'FAIL'}`).join(', ') || '-'}`);
  out('');
  if (real.length) out(renderMisses(real));
  const failures = renderFailures(fixtures, real, peers?.pairs ?? []);
  if (failures) out(`\n${failures}`);
  if (flag('--detail') && peers) out(`\n${renderPeerDetail(peers.pairs)}`);
}

if (flag('--check') && acceptance.some((a) => !a.pass)) process.exitCode = 1;
