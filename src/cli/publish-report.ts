// What a digest or summary run did, said plainly for the person at the shell: what was queued, to
// how many chats and from when it goes out; or why nothing was, and what to do about it.

import { periodFromKey } from '../core/periods.js';
import { formatDateTimeVi } from '../core/time.js';
import type { Db } from '../db/connection.js';
import { digestDelivery, digestHasGoneOut, getDigest } from '../db/digests.js';
import type { DigestKind } from '../db/schema.js';
import type { PublishResult } from '../jobs/digest-jobs.js';
import { publishText as m } from './messages.js';

/** Lines describing `r`; `now` is the real time (a run for a later moment leaves its messages waiting). */
export async function describePublish(
  db: Db,
  r: PublishResult,
  opts: { now: Date; timeZone: string },
): Promise<string[]> {
  const kind = r.kind;
  const subject = m.subject(kind, periodFromKey(r.periodKey).label);
  const at = (iso: string) => formatDateTimeVi(new Date(iso), opts.timeZone);
  switch (r.status) {
    case 'queued': {
      const lines = r.replaced ? [m.replaced(subject, at(r.replaced.computedAt), r.replaced.withdrawn)] : [];
      if (!r.chats) return [...lines, m.noRecipients(subject)];
      lines.push(m.queued(subject, r.messages, r.chats));
      const sendAt = new Date(r.sendAt ?? opts.now.toISOString());
      lines.push(sendAt.getTime() > opts.now.getTime() ? m.sendsAt(at(sendAt.toISOString())) : m.sendsNow);
      return lines;
    }
    case 'already_sent': {
      const stored = await getDigest(db, r.blocId, kind, r.periodKey);
      const d = await digestDelivery(db, r.blocId, kind, r.periodKey);
      const total = d.queued + d.sending + d.sent + d.failed;
      // A message with a part out counts as being sent (đang gửi): the digest is not unsent.
      const unsent = !digestHasGoneOut(d);
      const head = stored ? m.stored(subject, at(stored.createdAt)) : subject;
      const lines = [`${head}, ${unsent ? m.nothingLeft(d.queued) : m.goneOut({ ...d, total })}; ${m.notAgain}`];
      // Only a period digest has a command to compute it again (the summaries go out on their date).
      if (unsent && kind === 'period') lines.push(m.recomputeHint(r.blocId, r.periodKey));
      if (d.failed > 0) lines.push(m.resendHint);
      return lines;
    }
    case 'disabled':
      return [m.disabled(r.blocId)];
    case 'no_members':
      return [m.noMembers];
    case 'no_covenant':
      return [m.noCovenant(r.periodKey.slice(0, 4))];
  }
}
