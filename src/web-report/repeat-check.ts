// A form's nonce stores one revision, so a second POST of the same form (double tap, reload, a
// stale page restored by the browser's Back) must not store again. But only a repeat of the SAME
// content is a duplicate: a page kept by the browser, edited and sent again carries the used
// nonce with new entries, and answering it with the old receipt would silently drop them. Such a
// send is handled as a new form (a fresh nonce); its base is older than the stored report, so it
// comes back as a conflict with every entry kept.
import { createHash } from 'node:crypto';
import { revisionContent } from '../db/report-revisions.js';
import type { Db } from '../db/connection.js';
import { revisionFileHashes } from '../db/web-uploads.js';
import type { TextField } from '../core/report-flow/types.js';
import { TEXT_FIELDS } from '../core/report-flow/types.js';

export interface PostedReport {
  values: Record<string, number>;
  texts: Record<TextField, string | null>;
  files: File[];
}

/** Whether the post repeats exactly what the form's stored revision holds (figures, texts, files). */
export async function repeatsStoredRevision(
  db: Db,
  stored: { reportId: number; revision: number },
  posted: PostedReport,
): Promise<boolean> {
  const content = await revisionContent(db, stored.reportId, stored.revision);
  if (!content) return false;
  const storedValues = new Map(content.values.map((v) => [String(v.criterionId), v.value]));
  const postedValues = Object.entries(posted.values);
  if (postedValues.length !== storedValues.size || postedValues.some(([id, v]) => storedValues.get(id) !== v))
    return false;
  if (TEXT_FIELDS.some((f) => (posted.texts[f] ?? null) !== (content.texts[f] ?? null))) return false;
  const files = posted.files.filter((f) => f.name !== '' || f.size > 0);
  if (files.length === 0) return true;
  const storedFiles = await revisionFileHashes(db, stored.reportId, stored.revision);
  for (const f of files) {
    const hash = createHash('sha256')
      .update(Buffer.from(await f.arrayBuffer()))
      .digest('hex');
    if (!storedFiles.has(hash)) return false;
  }
  return true;
}
