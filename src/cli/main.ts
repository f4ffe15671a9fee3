#!/usr/bin/env node
/**
 * kommunrapport CLI: a table of commands, each parsing its own arguments and returning an
 * exit code. Documents go to stdout; messages to stderr.
 */
import { extractCommand } from './extract.js';
import type { CommandIo } from './io.js';

const USAGE = `Usage: kommunrapport <command> [options]

Commands:
  extract FILE [--format json|md]          print one report's canonical document
  import PATH... --db FILE                 import files and folders into SQLite
  query --db FILE "SQL" [--format ...]     run one read-only SQL statement
  unmapped --db FILE                       labels the taxonomy did not map
  export --db FILE --out DIR [--format csv|json]  one file per comparison view
  report --db FILE --out report.html       HTML page comparing the municipalities
  eval PATH... [--json] [--config FILE]    precision/recall against gold files
  diff-runs --db OLD --db NEW              records added, lost, altered (or --dir OLD --dir NEW)

Run 'kommunrapport <command> --help' for a command's options.
`;

type Command = (args: string[], io: CommandIo) => Promise<number>;

// Import and query load SQLite; extract does not, so it starts faster.
const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: async () => extractCommand,
  import: async () => (await import('./import.js')).importCommand,
  query: async () => (await import('./query.js')).queryCommand,
  unmapped: async () => (await import('./unmapped.js')).unmappedCommand,
  export: async () => (await import('./export.js')).exportCommand,
  report: async () => (await import('./report.js')).reportCommand,
  eval: async () => (await import('./eval.js')).evalCommand,
  'diff-runs': async () => (await import('./diff-runs.js')).diffRunsCommand,
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`kommunrapport: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  return (await load())(rest, io);
}
