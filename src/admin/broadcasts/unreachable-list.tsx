import type { UnreachableRecipient } from '../../db/broadcasts.js';
import { broadcastText as t } from '../messages.js';

/** Who a broadcast cannot reach through Telegram, and why. */
export function UnreachableList(props: { people: UnreachableRecipient[] }) {
  return (
    <ul class="small">
      {props.people.map((p) => (
        <li>
          {p.name ? `${p.name} (${p.unit}): ${t.notLinked}` : `${p.unit}: ${t.noFocalPoint}`}
        </li>
      ))}
    </ul>
  );
}
