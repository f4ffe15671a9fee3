/**
 * The canonical document: what `extract` prints, what the store writes, what users query.
 * See ../../shared CONTRACT (copied into README) for the outside shape. Every object is
 * strict, so a misspelt field is an error, not a silent extra.
 */
import { z } from 'zod';
import { Activity, BudgetValue, Goal, Indicator, Unit } from './records.js';
import { Diagnostic } from './diagnostic.js';
import { SourceFormat } from './source-doc.js';

/** Bump when the JSON shape changes; the store and golden files key on it. */
export const SCHEMA_VERSION = 1;

export const Source = z.strictObject({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: SourceFormat,
  pages: z.number().int().nullable(),
  ocr: z.boolean(),
});
export type Source = z.infer<typeof Source>;

export const Meta = z.strictObject({
  municipality: z.string().nullable(),
  municipalityCode: z.string().regex(/^\d{4}$/).nullable(),
  organ: z.string().nullable(),
  reportType: z.string().nullable(),
  year: z.number().int().nullable(),
  periodEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  title: z.string().nullable(),
});
export type Meta = z.infer<typeof Meta>;

export const Section = z.strictObject({
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.number().int().min(1),
  number: z.string().nullable(),
  title: z.string(),
  page: z.number().int().nullable(),
  line: z.number().int().nullable(),
});
export type Section = z.infer<typeof Section>;

export const TableKind = z.enum(['activity_plan', 'indicator', 'budget', 'volume', 'status', 'other']);
export type TableKind = z.infer<typeof TableKind>;

export const Table = z.strictObject({
  id: z.string(),
  sectionId: z.string().nullable(),
  kind: TableKind,
  caption: z.string().nullable(),
  unit: Unit.nullable(),
  page: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
  line: z.number().int().nullable(),
  headerRows: z.number().int().min(0),
  /** Every cell's text, header rows first; rectangular. */
  rows: z.array(z.array(z.string())),
  /** 1-based source line of each row (text sources), for provenance of records. */
  rowLines: z.array(z.number().int().nullable()),
});
export type Table = z.infer<typeof Table>;

export const CanonicalDocument = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: Source,
  meta: Meta,
  sections: z.array(Section),
  tables: z.array(Table),
  activities: z.array(Activity),
  indicators: z.array(Indicator),
  budget: z.array(BudgetValue),
  goals: z.array(Goal),
  warnings: z.array(Diagnostic),
});
export type CanonicalDocument = z.infer<typeof CanonicalDocument>;

export const sectionId = (i: number) => `#/sections/${i}`;
export const tableId = (i: number) => `#/tables/${i}`;
