/**
 * Exchange formats: files that carry annotations (and codes, notes, claims) between Sourcebench
 * and other tools, as opposed to sources to read. Importing one adds annotations to the project;
 * the same formats are written by the export.
 */
import { z } from 'zod';

export const ExchangeFormat = z.enum(['jsonld', 'qdpx']);
export type ExchangeFormat = z.infer<typeof ExchangeFormat>;

/** Which exchange format a file name says it is, or null for a source to import as a document. */
export function exchangeFormatOf(fileName: string): ExchangeFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.jsonld')) return 'jsonld';
  if (lower.endsWith('.qdpx')) return 'qdpx';
  return null;
}

/** What an exchange import added, and what it could not take, said in words a user can act on. */
export const ExchangeImportResult = z.object({
  format: ExchangeFormat,
  documents: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
  tags: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  /** One line for each thing left out, with why (e.g. a target whose source is not in the project). */
  skipped: z.array(z.string()),
});
export type ExchangeImportResult = z.infer<typeof ExchangeImportResult>;
