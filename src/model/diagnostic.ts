/**
 * Diagnostic: a warning or error with a stable code, shaped like vfile-message.
 * Codes are "source:rule" (e.g. "pdf:no-text-layer", "table:ragged-row", "number:unparsed").
 */
import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Diagnostic = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]+:[a-z0-9-]+$/),
  message: z.string(),
  severity: Severity,
  page: z.number().int().nullable(),
  line: z.number().int().nullable(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export function warning(
  code: string,
  message: string,
  where: { page?: number | null; line?: number | null } = {},
): Diagnostic {
  return { code, message, severity: 'warning', page: where.page ?? null, line: where.line ?? null };
}

/** An input the tool cannot read at all. Thrown, caught at the pipeline edge. */
export class UnreadableInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UnreadableInputError';
  }
}
