import { UnreadableInputError } from '../model/diagnostic.js';

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** One line naming the file, the error code and the reason. */
export function failureLine(path: string, e: unknown): string {
  if (e instanceof UnreadableInputError) return `${path}: ${e.code}: ${e.message}`;
  const message = e instanceof Error ? e.message : String(e);
  return `${path}: internal:error: ${message.split('\n')[0]}`;
}

export function errorCode(e: unknown): string {
  return e instanceof UnreadableInputError ? e.code : 'internal:error';
}
