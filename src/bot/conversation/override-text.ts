// One line saying which entry replaces what the stored report holds, after a rebase or a move.
// Shared by the messengers' dialogues (Telegram's report-conflict.ts has its own copy from before).
import type { Override } from '../../core/report-flow/base-check.js';
import { M } from './messages.js';

export function overrideLine(o: Override): string {
  return o.kind === 'value' ? M.overrideValue(o.criterion, o.mine, o.stored) : M.overrideText(o.field);
}
