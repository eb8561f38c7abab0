// callback_data of the buttons a reminder offers (≤ 64 bytes). Kept stable: reminders already
// sent carry these, and the bot answers them (callback-data.ts).

export const reminderCallback = {
  /** Opens the report flow for the period: 'remind:report:2026-W48'. */
  report: (periodKey: string) => `remind:report:${periodKey}`,
  /** Records a nil report ("nothing new") for the period: 'remind:nil:2026-W48'. */
  nil: (periodKey: string) => `remind:nil:${periodKey}`,
  pattern: /^remind:(report|nil):(\d{4}-(?:W\d{2}|\d{2}))$/,
} as const;
