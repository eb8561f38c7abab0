// The words a person types to the Zalo bot, which has no buttons (docs/zalo.md): commands with or
// without their slash, and the choices a message offers as lines to type. Shared by what the bot
// sends (render-message.ts, the dialogue's replies) and what it reads back (read-command.ts).

export const ZALO_TEXT_LIMIT = 2000;

export const COMMANDS = {
  report: 'baocao',
  status: 'trangthai',
  cancel: 'huy',
  help: 'trogiup',
  start: 'start',
  /** "Nothing new" for a period named after it: `/khongmoi 2026-W48`. */
  nil: 'khongmoi',
  /** The weekly digest in private, as a group would read it: `/bantin`, `/bantin tat` to stop (decision 0097). */
  digest: 'bantin',
  /** After a conflict: start the draft again on the report sent meanwhile, the person's entries kept. */
  reload: 'naplai',
  /** A draft whose period closed: carry its entries over to the current period. */
  move: 'chuyenky',
} as const;

export type CommandName = keyof typeof COMMANDS;

/** The line that offers a typed choice: '• Gõ /baocao: Gửi báo cáo'. */
export const choiceLine = (typed: string, label: string) => `• Gõ ${typed}: ${label}`;
