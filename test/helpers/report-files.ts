// The admin's report file source as main.ts builds it: Telegram's file reader with its size limit.
import type { ReportFileSource } from '../../src/admin/reports/report-file-source.js';
import { createTelegramFiles, TELEGRAM_DOWNLOAD_LIMIT_BYTES } from '../../src/bot/telegram/telegram-files.js';

export function telegramReportFiles(api: { token: string; apiRoot: string }): ReportFileSource {
  return { ...createTelegramFiles(api), maxBytes: TELEGRAM_DOWNLOAD_LIMIT_BYTES };
}
