// The words of the actions a message offers (src/core/outbound-message.ts), shared by every
// channel: Telegram's buttons, later Zalo's numbered choices and e-mail's links. Reminders name
// the nil action in their text, so the two must read the same; the personal link's label is the
// web form's own ("Mở biểu mẫu báo cáo").

import type { MessageAction } from './outbound-message.js';

/** The label of each action, as the reader sees it. */
export const actionLabels: Record<MessageAction['kind'], string> = {
  sendReport: '📝 Gửi báo cáo',
  nilReport: 'Kỳ này không có gì mới',
  openPersonalLink: 'Mở biểu mẫu báo cáo',
};
