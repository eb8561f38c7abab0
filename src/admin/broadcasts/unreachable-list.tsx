import type { UnreachableRecipient } from '../../db/broadcasts.js';
import { broadcastText as t } from '../messages.js';

/**
 * Who Telegram cannot reach, and why: a broadcast's recipients, or the focal points the reminders
 * miss (those pages give their own reason, e.g. "đã chặn bot").
 */
export function UnreachableList(props: { people: (UnreachableRecipient & { reason?: string })[] }) {
  return (
    <ul class="small">
      {props.people.map((p) => (
        <li>
          {p.name ? `${p.name} (${p.unit}): ${p.reason ?? t.notLinked}` : `${p.unit}: ${p.reason ?? t.noFocalPoint}`}
        </li>
      ))}
    </ul>
  );
}
