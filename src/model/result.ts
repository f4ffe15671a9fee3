/**
 * Result<T>: a value plus the diagnostics gathered while making it (mammoth's results.js).
 * Recoverable trouble travels here; unusable input throws UnreadableInputError.
 */
import type { Diagnostic } from './diagnostic.js';

export interface Result<T> {
  readonly value: T;
  readonly diagnostics: Diagnostic[];
}

export function ok<T>(value: T, diagnostics: Diagnostic[] = []): Result<T> {
  return { value, diagnostics };
}

export function map<T, U>(r: Result<T>, f: (v: T) => U): Result<U> {
  return { value: f(r.value), diagnostics: r.diagnostics };
}

export function flatMap<T, U>(r: Result<T>, f: (v: T) => Result<U>): Result<U> {
  const next = f(r.value);
  return { value: next.value, diagnostics: [...r.diagnostics, ...next.diagnostics] };
}

export function combine<T>(results: Result<T>[]): Result<T[]> {
  return {
    value: results.map((r) => r.value),
    diagnostics: results.flatMap((r) => r.diagnostics),
  };
}
