// Records accepted messages as 'sent' in batches: answers that arrive in the same turn of the
// event loop share one transaction (one disk sync instead of one each), which keeps the database
// from limiting the send rate. The caller waits until its row is written.

import type { Db } from '../db/connection.js';
import { markOutboxSent } from '../db/outbox.js';

interface Pending {
  id: number;
  messageId: number | null;
  at: Date;
}

export function createSentRecorder(db: Db) {
  let pending: Pending[] = [];
  let flushing: Promise<void> | null = null;

  async function write(): Promise<void> {
    const batch = pending;
    pending = [];
    flushing = null;
    await markOutboxSent(db, batch);
  }

  return {
    /** Resolves once the row is recorded as sent; rejects if the write failed. */
    record(p: Pending): Promise<void> {
      pending.push(p);
      if (!flushing) {
        flushing = new Promise<void>((resolve) => setImmediate(resolve)).then(write);
      }
      return flushing;
    },
    async flush(): Promise<void> {
      if (flushing) await flushing;
      else if (pending.length > 0) await write();
    },
  };
}
