// Storing a revision's evidence files, whichever channel brought them: Telegram's are references
// to files Telegram keeps; the web form's bytes are kept in the database (decision 0052).
import type { DraftAttachment } from '../core/report-flow/types.js';
import type { Db } from '../db/connection.js';
import type { ReportSubmission } from '../db/reports.js';
import { reportFileHashes, type UploadedFile } from '../db/web-uploads.js';

export type EvidenceFile =
  | { source: 'telegram'; attachment: DraftAttachment }
  /** Bytes stored with the report: the web form's files, and photos a messenger handed over (a caption with those). */
  | { source: 'upload'; file: UploadedFile; caption?: string | null };

/**
 * The files the report does not hold yet, in the order given. A browser's Back restores the photo
 * picked for the sent revision into the re-loaded form, and the same picture chosen twice is one
 * piece of evidence: storing it again would show the secretariat duplicates. Telegram's files are
 * kept as sent (the bot never offers a file twice).
 */
export async function newEvidenceOnly(
  trx: Db,
  reportId: number | undefined,
  files: EvidenceFile[],
): Promise<EvidenceFile[]> {
  const held = reportId === undefined ? new Set<string>() : await reportFileHashes(trx, reportId);
  return files.filter((f) => {
    if (f.source === 'telegram') return true;
    if (held.has(f.file.sha256)) return false;
    held.add(f.file.sha256);
    return true;
  });
}

/** The attachment rows submitReport stores for the files. */
export function attachmentRows(files: EvidenceFile[]): NonNullable<ReportSubmission['attachments']> {
  return files.map((f) =>
    f.source === 'telegram'
      ? {
          kind: f.attachment.kind,
          telegramFileId: f.attachment.fileId,
          telegramFileUniqueId: f.attachment.fileUniqueId,
          fileName: f.attachment.fileName,
          mimeType: f.attachment.mimeType,
          sizeBytes: f.attachment.sizeBytes,
          caption: f.attachment.caption,
        }
      : {
          kind: f.file.kind,
          telegramFileId: null,
          fileName: f.file.fileName,
          mimeType: f.file.mimeType,
          sizeBytes: f.file.sizeBytes,
          caption: f.caption ?? null,
        },
  );
}

/** The uploaded files' bytes, in the order their rows were stored. */
export function uploadsOf(files: EvidenceFile[]): UploadedFile[] {
  return files.flatMap((f) => (f.source === 'upload' ? [f.file] : []));
}
