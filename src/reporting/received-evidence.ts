// Evidence a messenger handed over as bytes (a Zalo photo, decision 0094) rides in the draft as a
// reference to its received_file row ('received:<id>'), since a draft is JSON; when the report is
// sent the bytes are stored with it as the web form's uploads are (decision 0052), and the
// received rows are let go. A Telegram attachment (Telegram keeps the file) passes through as is.
import type { DraftAttachment } from '../core/report-flow/types.js';
import type { Db } from '../db/connection.js';
import { type ReceivedFile, receivedFilesOf } from '../db/received-files.js';
import type { EvidenceFile } from './evidence.js';

const PREFIX = 'received:';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
};

/** The ids of the received files a draft's attachments refer to. */
export function receivedIdsOf(attachments: readonly DraftAttachment[]): number[] {
  return attachments.flatMap((a) => (a.fileId.startsWith(PREFIX) ? [Number(a.fileId.slice(PREFIX.length))] : []));
}

/** The draft's attachment for a received photo. */
export function receivedAttachment(file: ReceivedFile, caption: string | null, n: number): DraftAttachment {
  return {
    kind: 'photo',
    fileId: `${PREFIX}${file.id}`,
    fileUniqueId: file.sha256,
    fileName: `${file.channel}-anh-${n}.${EXTENSIONS[file.mimeType ?? ''] ?? 'jpg'}`,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    caption,
  };
}

/**
 * The draft's attachments as evidence to store, received bytes loaded (one whose row is gone is
 * left out rather than stored empty), and the ids of the received rows used.
 */
export async function evidenceOfDraft(
  trx: Db,
  focalPointId: number,
  attachments: readonly DraftAttachment[],
): Promise<{ files: EvidenceFile[]; receivedIds: number[] }> {
  const ids = receivedIdsOf(attachments);
  const received = new Map((await receivedFilesOf(trx, focalPointId, ids)).map((f) => [f.id, f]));
  const files = attachments.flatMap((attachment): EvidenceFile[] => {
    if (!attachment.fileId.startsWith(PREFIX)) return [{ source: 'telegram', attachment }];
    const f = received.get(Number(attachment.fileId.slice(PREFIX.length)));
    if (!f) return [];
    return [
      {
        source: 'upload',
        file: {
          kind: 'photo',
          fileName: attachment.fileName ?? `anh-${f.id}.jpg`,
          mimeType: f.mimeType ?? 'image/jpeg',
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          content: f.content,
        },
        caption: attachment.caption,
      },
    ];
  });
  return { files, receivedIds: [...received.keys()] };
}
