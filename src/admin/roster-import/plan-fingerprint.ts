// What the preview showed, as a digest carried to the confirmation. The confirmation plans the
// carried rows again and writes only when its plan has the same digest: any difference (the roster
// changed, the day turned and "today" moved a default join date, or the carried rows were altered)
// shows the new preview instead (docs/decisions/0079-roster-preview-is-the-import.md).

import { createHash } from 'node:crypto';
import type { RosterRowPlan } from '../../core/roster-import.js';

export function planFingerprint(plan: RosterRowPlan[]): string {
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex');
}
