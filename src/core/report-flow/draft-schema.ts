import { z } from 'zod';
import type { ReportDraft } from './types.js';

const step = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), criterionId: z.number().int() }),
  z.object({ kind: z.literal('text'), field: z.enum(['notableResults', 'difficulties', 'proposals']) }),
  z.object({ kind: z.literal('attachments') }),
  z.object({ kind: z.literal('summary') }),
  z.object({ kind: z.literal('edit_menu') }),
]);

const draftSchema = z.object({
  schema: z.literal(1),
  period: z.object({
    kind: z.enum(['week', 'month']),
    key: z.string(),
    start: z.string(),
    end: z.string(),
    label: z.string(),
  }),
  criteria: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      title: z.string(),
      unitOfMeasure: z.string().nullable(),
      valueType: z.enum(['count', 'decimal', 'percent']),
    }),
  ),
  base: z
    .object({
      reportId: z.number().int(),
      revision: z.number().int(),
      isNil: z.boolean(),
      attachmentCount: z.number().int(),
    })
    .nullable(),
  values: z.record(z.string(), z.number()),
  texts: z.object({
    notableResults: z.string().nullable(),
    difficulties: z.string().nullable(),
    proposals: z.string().nullable(),
  }),
  attachments: z.array(
    z.object({
      kind: z.enum(['photo', 'document']),
      fileId: z.string(),
      fileUniqueId: z.string().nullable(),
      fileName: z.string().nullable(),
      mimeType: z.string().nullable(),
      sizeBytes: z.number().nullable(),
      caption: z.string().nullable(),
    }),
  ),
  step,
  returnToSummary: z.boolean(),
});

/** Reads a stored draft; null if it is not a draft this version understands. */
export function parseStoredDraft(json: string | null): ReportDraft | null {
  if (json === null) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The stored form of a draft. */
export function serializeDraft(draft: ReportDraft): string {
  return JSON.stringify(draft);
}
