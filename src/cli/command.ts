/**
 * What the subcommands share: flags parsed strictly with their help text, usage errors as one
 * line plus a pointer to --help (exit 2), and the database opened read-only with any failure
 * reported as one line on stderr (exit 2), never a stack.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openReadOnly, type ReadableDb } from '../store/open.js';
import type { CommandIo } from './io.js';

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];

/** The first line of an error's message. */
export function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

export function usageError(io: CommandIo, name: string, message: string): number {
  io.stderr(`${name}: ${message}\nTry 'kommunrapport ${name} --help'.\n`);
  return EXIT_USAGE;
}

/**
 * The flags and positionals of command `name`, or the exit code when the command is done
 * already: help printed (0) or the flags did not parse (2). `-h/--help` is added here.
 */
export function parseCommand<O extends Options>(
  name: string, usage: string, args: string[], options: O, io: CommandIo,
): { values: Values<O>; positionals: string[] } | number {
  try {
    const parsed = parseArgs({
      args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true,
    });
    if ((parsed.values as { help?: boolean }).help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    return { values: parsed.values as Values<O>, positionals: parsed.positionals };
  } catch (error) {
    io.stderr(`${name}: ${reason(error)}\n`);
    return EXIT_USAGE;
  }
}

/**
 * Run `fn` on the database at `path` opened read-only, closed afterwards. A database that does
 * not open, or an error from `fn`, is one line on stderr (with `hint` appended) and exit 2.
 */
export async function withReadOnlyDb(
  io: CommandIo, name: string, path: string, fn: (db: ReadableDb) => number | Promise<number>, hint = '',
): Promise<number> {
  let db: ReadableDb;
  try {
    db = openReadOnly(path);
  } catch (error) {
    io.stderr(`${name}: cannot open database ${path}: ${reason(error)}\n`);
    return EXIT_USAGE;
  }
  try {
    return await fn(db);
  } catch (error) {
    io.stderr(`${name}: ${reason(error)}${hint}\n`);
    return EXIT_USAGE;
  } finally {
    db.close();
  }
}
