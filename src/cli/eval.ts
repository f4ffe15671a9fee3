/**
 * `kommunrapport eval PATH... [--json] [--config FILE] [--formats LIST] [--misses N]`:
 * precision and recall per record kind for every document that has a gold file.
 * Exit 0 when every score meets its threshold, 1 when one falls below, 2 on usage errors
 * (bad option, nothing to evaluate, unreadable gold or config file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseCommand } from './command.js';
import {
  checkThresholds, displayName, findGoldPairs, loadGold, parseConfig, scoreOrFail, totalScores,
  type DocResult, type EvalConfig,
} from '../eval/evaluate.js';
import { renderEval } from '../eval/render-eval.js';
import { safeExtract } from '../eval/run.js';
import type { CommandIo } from './io.js';

export const DEFAULT_CONFIG = 'fixtures/eval.config.json';

export const EVAL_USAGE = `Usage: kommunrapport eval PATH... [--json] [--config FILE] [--formats txt,pdf,docx] [--misses N]

Scores extraction against hand-written gold files: for each report with a gold file
(fixtures/<name>/gold.json beside report.*, or X.gold.json beside X.pdf), precision and recall
per record kind (headings, budget, indicators, activities, goals, assessments), then a total.
PATH is a folder (searched recursively), a report file or a gold file.
  --json          print the scores as JSON (misses and extras included)
  --config FILE   thresholds (default ${DEFAULT_CONFIG}, when present)
  --formats LIST  only these inputs, e.g. txt or txt,pdf (default: all)
  --misses N      list up to N missed gold items and unmatched records per kind and document
Exit 0 when every score meets its threshold, 1 when one falls below, 2 on usage errors.
`;

export async function evalCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand('eval', EVAL_USAGE, args, {
    json: { type: 'boolean', default: false },
    config: { type: 'string' },
    formats: { type: 'string' },
    misses: { type: 'string' },
  }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (!positionals.length) { io.stderr(`eval: expected at least one PATH\n${EVAL_USAGE}`); return 2; }
  const misses = values.misses !== undefined ? Number(values.misses) : 0;
  if (!(Number.isInteger(misses) && misses >= 0)) { io.stderr('eval: --misses takes a whole number\n'); return 2; }
  const formats = values.formats?.split(',').map((s) => s.trim().replace(/^\./, '').toLowerCase()).filter(Boolean);
  if (formats?.some((f) => !['txt', 'md', 'pdf', 'docx'].includes(f))) { io.stderr(`eval: unknown format in --formats ${values.formats}\n`); return 2; }

  let config: EvalConfig = { thresholds: {}, documents: {}, total: {} };
  const configPath = values.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
  if (configPath) {
    try {
      config = parseConfig(readFileSync(configPath, 'utf8'), configPath);
    } catch (e) {
      io.stderr(`eval: ${(e as Error).message.split('\n')[0]}\n`);
      return 2;
    }
  }

  const { pairs, missing } = await findGoldPairs(positionals, formats);
  for (const m of missing) io.stderr(`eval: skipped ${m}\n`);
  if (!pairs.length) { io.stderr('eval: no document with a gold file under the given paths\n'); return 2; }

  const docs: DocResult[] = [];
  // pdf.js reports font problems with console.log; keep stdout for the scores.
  const log = console.log;
  console.log = (...a: unknown[]) => console.error(...a);
  try {
    for (const p of pairs) {
      let gold;
      try {
        gold = loadGold(p.gold);
      } catch (e) {
        io.stderr(`eval: ${(e as Error).message}\n`);
        return 2;
      }
      const x = await safeExtract(p.input);
      docs.push({
        name: displayName(p.input), gold: displayName(p.gold), format: p.input.split('.').pop()!.toLowerCase(),
        status: x.status, error: x.error, scores: scoreOrFail(gold, x.doc),
      });
    }
  } finally {
    console.log = log;
  }
  const total = totalScores(docs.map((d) => d.scores));
  const failures = checkThresholds(config, docs, total);
  if (values.json) {
    io.stdout(`${JSON.stringify({ config: configPath, documents: docs, total, failures, pass: failures.length === 0 }, null, 2)}\n`);
  } else {
    io.stdout(renderEval(docs, total, failures, { misses }));
  }
  return failures.length ? 1 : 0;
}
