// Files and forms of the personal web report form (decision 0052): the bytes of web-uploaded
// attachments, files kept for a form whose submit was not stored yet, and the forms already sent.
import type { Db } from './connection.js';
import type { ReportAttachmentRow, WebPendingUploadRow } from './schema.js';

/** A photo or document added to a report, through the bot or the web form (decision 0092). */
export interface ReportAttachment {
  id: number;
  reportId: number;
  kind: 'photo' | 'document';
  /** Telegram's file id when it came through the bot; null for a file whose bytes are stored here. */
  telegramFileId: string | null;
  telegramFileUniqueId: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  caption: string | null;
  addedInRevision: number;
  createdAt: string;
}

export function toReportAttachment(row: ReportAttachmentRow): ReportAttachment {
  return {
    id: row.id,
    reportId: row.report_id,
    kind: row.kind,
    telegramFileId: row.telegram_file_id,
    telegramFileUniqueId: row.telegram_file_unique_id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    caption: row.caption,
    addedInRevision: row.added_in_revision,
    createdAt: row.created_at,
  };
}

/** A checked file ready to be kept (its type found from its content). */
export interface UploadedFile {
  kind: 'photo' | 'document';
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

/** A file kept for a web form not sent yet (decision 0092). */
export interface WebPendingUpload {
  id: number;
  personalLinkId: number;
  formNonce: string;
  kind: 'photo' | 'document';
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
  /** ISO instant. */
  createdAt: string;
}

export function toWebPendingUpload(row: WebPendingUploadRow): WebPendingUpload {
  return { ...toPendingUploadInfo(row), content: row.content };
}

/** A kept file without its bytes, as the form lists it. */
export type PendingUploadInfo = Omit<WebPendingUpload, 'content'>;

function toPendingUploadInfo(row: Omit<WebPendingUploadRow, 'content'>): PendingUploadInfo {
  return {
    id: row.id,
    personalLinkId: row.personal_link_id,
    formNonce: row.form_nonce,
    kind: row.kind,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

/**
 * Keeps files for the form (link, nonce) until it is sent or they age out. Whoever holds a link
 * can open fresh forms at will, so the link's files of unsent forms are held to `maxBytesPerLink`:
 * past it the files of its other forms go, oldest first (this form's own are bounded by the
 * per-send file rules).
 */
export async function savePendingUploads(
  db: Db,
  linkId: number,
  nonce: string,
  files: UploadedFile[],
  now: Date,
  maxBytesPerLink: number,
): Promise<void> {
  for (const f of files) {
    await db
      .insertInto('web_pending_upload')
      .values({
        personal_link_id: linkId,
        form_nonce: nonce,
        kind: f.kind,
        file_name: f.fileName,
        mime_type: f.mimeType,
        size_bytes: f.sizeBytes,
        sha256: f.sha256,
        content: f.content,
        created_at: now.toISOString(),
      })
      .execute();
  }
  if (files.length > 0) await capPendingUploads(db, linkId, nonce, maxBytesPerLink);
}

async function capPendingUploads(db: Db, linkId: number, nonce: string, maxBytes: number): Promise<void> {
  const rows = await db
    .selectFrom('web_pending_upload')
    .select(['id', 'form_nonce', 'size_bytes'])
    .where('personal_link_id', '=', linkId)
    .orderBy('id', 'desc')
    .execute();
  let total = rows.filter((r) => r.form_nonce === nonce).reduce((sum, r) => sum + r.size_bytes, 0);
  const drop: number[] = [];
  for (const r of rows.filter((r) => r.form_nonce !== nonce)) {
    if (total + r.size_bytes > maxBytes) drop.push(r.id);
    else total += r.size_bytes;
  }
  if (drop.length > 0) await db.deleteFrom('web_pending_upload').where('id', 'in', drop).execute();
}

/** The files kept for the form, without their bytes, oldest first. */
export async function listPendingUploads(db: Db, linkId: number, nonce: string): Promise<PendingUploadInfo[]> {
  const rows = await db
    .selectFrom('web_pending_upload')
    .select([
      'id',
      'personal_link_id',
      'form_nonce',
      'kind',
      'file_name',
      'mime_type',
      'size_bytes',
      'sha256',
      'created_at',
    ])
    .where('personal_link_id', '=', linkId)
    .where('form_nonce', '=', nonce)
    .orderBy('id')
    .execute();
  return rows.map(toPendingUploadInfo);
}

/** The files kept for the form with their bytes, oldest first. */
export async function pendingUploadsWithContent(db: Db, linkId: number, nonce: string): Promise<WebPendingUpload[]> {
  const rows = await db
    .selectFrom('web_pending_upload')
    .selectAll()
    .where('personal_link_id', '=', linkId)
    .where('form_nonce', '=', nonce)
    .orderBy('id')
    .execute();
  return rows.map(toWebPendingUpload);
}

/** Forgets some files kept for the form (the person unticked them); only that form's own files. */
export async function removePendingUploads(db: Db, linkId: number, nonce: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('web_pending_upload')
    .where('personal_link_id', '=', linkId)
    .where('form_nonce', '=', nonce)
    .where('id', 'in', ids)
    .execute();
}

/** Forgets every file kept for the form (it was sent). */
export async function clearPendingUploads(db: Db, linkId: number, nonce: string): Promise<void> {
  await db
    .deleteFrom('web_pending_upload')
    .where('personal_link_id', '=', linkId)
    .where('form_nonce', '=', nonce)
    .execute();
}

/** How long files of an unsent form are kept, and how long a sent form is remembered. */
export const PENDING_UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const FORM_SUBMISSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Drops files of forms left unsent for a day and forgets forms sent a month ago. */
export async function pruneWebFormState(db: Db, now: Date): Promise<void> {
  const pendingBefore = new Date(now.getTime() - PENDING_UPLOAD_MAX_AGE_MS).toISOString();
  const sentBefore = new Date(now.getTime() - FORM_SUBMISSION_MAX_AGE_MS).toISOString();
  await db.deleteFrom('web_pending_upload').where('created_at', '<', pendingBefore).execute();
  await db.deleteFrom('web_form_submission').where('created_at', '<', sentBefore).execute();
}

/** The revision a form already stored, if it was sent before. */
export async function findFormSubmission(
  db: Db,
  linkId: number,
  nonce: string,
): Promise<{ reportId: number; revision: number } | undefined> {
  const row = await db
    .selectFrom('web_form_submission')
    .select(['report_id', 'revision'])
    .where('personal_link_id', '=', linkId)
    .where('form_nonce', '=', nonce)
    .executeTakeFirst();
  return row && { reportId: row.report_id, revision: row.revision };
}

/** Records that the form stored this revision (same transaction as the revision). */
export async function recordFormSubmission(
  db: Db,
  s: { linkId: number; nonce: string; reportId: number; revision: number; now: Date },
): Promise<void> {
  await db
    .insertInto('web_form_submission')
    .values({
      personal_link_id: s.linkId,
      form_nonce: s.nonce,
      report_id: s.reportId,
      revision: s.revision,
      created_at: s.now.toISOString(),
    })
    .execute();
}

/**
 * Stores the bytes of the files just added to a report's revision by submitReport (which keeps
 * their metadata, in the same order): call in the same transaction.
 */
export async function storeAttachmentContents(
  db: Db,
  reportId: number,
  revision: number,
  files: Pick<UploadedFile, 'content' | 'sha256'>[],
): Promise<void> {
  if (files.length === 0) return;
  const rows = await db
    .selectFrom('report_attachment')
    .select('id')
    .where('report_id', '=', reportId)
    .where('added_in_revision', '=', revision)
    .where('telegram_file_id', 'is', null)
    .orderBy('id')
    .execute();
  if (rows.length !== files.length)
    throw new Error(
      `expected ${files.length} web attachments in revision ${revision} of report ${reportId}, found ${rows.length}`,
    );
  for (const [i, row] of rows.entries()) {
    await db
      .insertInto('attachment_content')
      .values({ attachment_id: row.id, content: files[i]!.content, sha256: files[i]!.sha256 })
      .execute();
  }
}

/** The stored bytes of a web-uploaded attachment. */
export async function attachmentContent(db: Db, attachmentId: number): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('attachment_content')
    .select('content')
    .where('attachment_id', '=', attachmentId)
    .executeTakeFirst();
  return row?.content;
}

/** Which of these attachments have their bytes stored here (sent through the web form). */
export async function attachmentsStoredHere(db: Db, attachmentIds: number[]): Promise<Set<number>> {
  if (attachmentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('attachment_content')
    .select('attachment_id')
    .where('attachment_id', 'in', attachmentIds)
    .execute();
  return new Set(rows.map((r) => r.attachment_id));
}

/** SHA-256 of every web file the report holds, whichever revision added it. */
export async function reportFileHashes(db: Db, reportId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('report_attachment as a')
    .innerJoin('attachment_content as c', 'c.attachment_id', 'a.id')
    .select('c.sha256')
    .where('a.report_id', '=', reportId)
    .execute();
  return new Set(rows.map((r) => r.sha256));
}

/** SHA-256 of the web files a revision added to a report. */
export async function revisionFileHashes(db: Db, reportId: number, revision: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('report_attachment as a')
    .innerJoin('attachment_content as c', 'c.attachment_id', 'a.id')
    .select('c.sha256')
    .where('a.report_id', '=', reportId)
    .where('a.added_in_revision', '=', revision)
    .execute();
  return new Set(rows.map((r) => r.sha256));
}
