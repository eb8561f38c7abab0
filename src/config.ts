import { dirname, join } from 'node:path';
import { z } from 'zod';
import { type Mailbox, parseMailbox } from './core/email-address.js';

const bool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const s = v.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(s)) return true;
      if (['0', 'false', 'no', 'off'].includes(s)) return false;
      ctx.addIssue({ code: 'custom', message: 'phải là true hoặc false' });
      return z.NEVER;
    });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

function intIn(min: number, max: number, fallback: number, message: string) {
  return z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message }).default(fallback);
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const schema = z
  .object({
    DATABASE_PATH: z.string().trim().min(1, { message: 'không được để trống' }).default('data/khoi-thi-dua.sqlite'),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    PORT: z.coerce
      .number({ message: 'phải là số cổng từ 1 đến 65535' })
      .int({ message: 'phải là số cổng từ 1 đến 65535' })
      .min(1, { message: 'phải là số cổng từ 1 đến 65535' })
      .max(65535, { message: 'phải là số cổng từ 1 đến 65535' })
      .default(3000),
    APP_TIMEZONE: z
      .string()
      .default('Asia/Ho_Chi_Minh')
      .refine(isTimeZone, { message: 'không phải múi giờ IANA hợp lệ (ví dụ Asia/Ho_Chi_Minh)' }),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'phải là một trong fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    DEMO_DATA: bool(true),
    TELEGRAM_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^\d+:[A-Za-z0-9_-]{20,}$/.test(v), {
      message: 'có dạng 123456789:AA... như BotFather cấp',
    }),
    TELEGRAM_API_ROOT: z
      .url({ message: 'phải là một URL, ví dụ https://api.telegram.org' })
      .default('https://api.telegram.org'),
    TELEGRAM_MODE: z.enum(['polling', 'webhook'], { message: 'phải là polling hoặc webhook' }).default('polling'),
    TELEGRAM_FORCE_IPV4: bool(false),
    PUBLIC_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
      message: 'phải là URL công khai của máy chủ, ví dụ https://thidua.example.vn',
    }),
    TELEGRAM_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
      message: 'chỉ gồm 1–256 ký tự A-Z, a-z, 0-9, _ và -',
    }),
    ZALO_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^\d+:[A-Za-z0-9_-]{8,}$/.test(v), {
      message: 'có dạng <mã bot>:<bí mật> như Zalo Bot Creator cấp',
    }),
    ZALO_API_ROOT: z
      .url({ message: 'phải là một URL, ví dụ https://bot-api.zaloplatforms.com' })
      .default('https://bot-api.zaloplatforms.com'),
    ZALO_MODE: z.enum(['polling', 'webhook'], { message: 'phải là polling hoặc webhook' }).default('polling'),
    ZALO_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9_-]{8,256}$/.test(v), {
      message: 'chỉ gồm 8–256 ký tự A-Z, a-z, 0-9, _ và -',
    }),
    ZALO_RATE_PER_SECOND: intIn(1, 100, 10, 'phải là số tin Zalo mỗi giây, từ 1 đến 100'),
    ZALO_BOT_URL: optionalText.refine((v) => v === undefined || /^https:\/\/\S+$/.test(v), {
      message: 'phải là đường dẫn https:// của bot (Zalo Bot Creator cho xem)',
    }),
    OUTBOX_RATE_PER_SECOND: intIn(1, 1000, 30, 'phải là số tin mỗi giây, từ 1 đến 1000'),
    OUTBOX_GROUP_PER_MINUTE: intIn(1, 60, 20, 'phải là số tin mỗi phút cho một nhóm, từ 1 đến 60'),
    OUTBOX_MAX_IN_FLIGHT: intIn(1, 100, 10, 'phải là số tin gửi đồng thời, từ 1 đến 100'),
    OUTBOX_MAX_ATTEMPTS: intIn(1, 100, 20, 'phải là số lần thử, từ 1 đến 100'),
    JOBS_CATCHUP_HOURS: z.coerce
      .number({ message: 'phải là số giờ từ 0 đến 720' })
      .min(0, { message: 'phải là số giờ từ 0 đến 720' })
      .max(720, { message: 'phải là số giờ từ 0 đến 720' })
      .default(24),
    BACKUP_DIR: optionalText,
    BACKUP_KEEP: intIn(1, 365, 14, 'phải là số bản sao lưu hằng ngày được giữ, từ 1 đến 365'),
    BACKUP_TIME: z
      .string()
      .trim()
      .default('02:30')
      .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { message: 'phải là giờ dạng HH:MM, ví dụ 02:30' }),
    METRICS_TOKEN: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9._~+/=-]{24,256}$/.test(v), {
      message: 'phải dài 24–256 ký tự, không có khoảng trắng (ví dụ: openssl rand -hex 32)',
    }),
    ADMIN_USERNAME: optionalText.refine((v) => v === undefined || /^[a-z0-9._-]{3,40}$/.test(v), {
      message: 'chỉ gồm 3–40 ký tự a-z, 0-9, dấu chấm, _ và -',
    }),
    ADMIN_PASSWORD: optionalText.refine((v) => v === undefined || v.length >= 10, {
      message: 'phải dài ít nhất 10 ký tự',
    }),
    SMTP_URL: optionalText.refine((v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v), {
      message: 'phải có dạng smtps://tài-khoản:mật-khẩu@mail.example.gov.vn:465 hoặc smtp://…:587',
    }),
    MAIL_FROM: optionalText.refine((v) => v === undefined || parseMailbox(v) !== null, {
      message: 'phải có dạng "Văn phòng Khối thi đua số 6" <khoi6@example.gov.vn>',
    }),
    MAIL_RATE_PER_MINUTE: intIn(1, 6000, 30, 'phải là số thư mỗi phút, từ 1 đến 6000'),
    SMTP_TLS_VERIFY: bool(true),
    PERSONAL_LINK_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message: 'phải dài ít nhất 32 ký tự ngẫu nhiên (ví dụ: openssl rand -base64 32)',
    }),
  })
  .superRefine((c, ctx) => {
    if (c.TELEGRAM_MODE === 'webhook' && c.TELEGRAM_BOT_TOKEN) {
      if (!c.PUBLIC_URL?.startsWith('https://'))
        ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'chế độ webhook cần PUBLIC_URL dạng https://' });
      if (!c.TELEGRAM_WEBHOOK_SECRET)
        ctx.addIssue({
          code: 'custom',
          path: ['TELEGRAM_WEBHOOK_SECRET'],
          message: 'chế độ webhook cần TELEGRAM_WEBHOOK_SECRET',
        });
    }
    if (c.SMTP_URL && !c.MAIL_FROM)
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'gửi thư (SMTP_URL) cần địa chỉ người gửi MAIL_FROM',
      });
    if (c.SMTP_URL && !c.PUBLIC_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'gửi thư (SMTP_URL) cần PUBLIC_URL: mỗi thư nhắc mang liên kết báo cáo cá nhân của người nhận',
      });
    if (c.ZALO_MODE === 'webhook' && c.ZALO_BOT_TOKEN) {
      if (!c.PUBLIC_URL?.startsWith('https://'))
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_URL'],
          message: 'chế độ webhook của Zalo cần PUBLIC_URL dạng https://',
        });
      if (!c.ZALO_WEBHOOK_SECRET)
        ctx.addIssue({
          code: 'custom',
          path: ['ZALO_WEBHOOK_SECRET'],
          message: 'chế độ webhook của Zalo cần ZALO_WEBHOOK_SECRET',
        });
    }
    if ((c.ADMIN_USERNAME === undefined) !== (c.ADMIN_PASSWORD === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [c.ADMIN_USERNAME ? 'ADMIN_PASSWORD' : 'ADMIN_USERNAME'],
        message: 'ADMIN_USERNAME và ADMIN_PASSWORD phải được đặt cùng nhau',
      });
  });

export interface Config {
  databasePath: string;
  host: string;
  port: number;
  timeZone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  demoData: boolean;
  telegram: {
    token: string | undefined;
    apiRoot: string;
    mode: 'polling' | 'webhook';
    forceIpv4: boolean;
    webhookSecret: string | undefined;
  };
  /** The Zalo Bot Platform (docs/zalo.md); off without a token. */
  zalo: {
    token: string | undefined;
    apiRoot: string;
    mode: 'polling' | 'webhook';
    webhookSecret: string | undefined;
    /** Messages per second in total; one a second to each person. */
    ratePerSecond: number;
    /** The bot's link for people to open it (shown with a QR); Zalo gives no deep link with a code. */
    botUrl: string | undefined;
  };
  publicUrl: string | undefined;
  outbox: { ratePerSecond: number; groupPerMinute: number; maxInFlight: number; maxAttempts: number };
  jobs: { catchUpHours: number };
  /** Bearer token that lets a non-local client read /metrics; without it only this machine can. */
  metricsToken: string | undefined;
  /** Daily backups: folder (default: backups/ beside the database), copies kept, local time. */
  backup: { dir: string; keep: number; time: string };
  firstAdmin: { username: string; password: string } | undefined;
  /** Secret personal report links are derived from; undefined = kept in a file beside the database. */
  personalLinkSecret: string | undefined;
  /** The e-mail channel (src/email); undefined when SMTP_URL is not set. */
  email: EmailConfig | undefined;
}

export interface EmailConfig {
  /** smtps://user:pass@host:465 or smtp://…:587 (STARTTLS); holds a password: never logged. */
  smtpUrl: string;
  from: Mailbox;
  ratePerMinute: number;
  /** Check the server's TLS certificate (on unless SMTP_TLS_VERIFY=false). */
  tlsVerify: boolean;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Reads and validates the settings; each bad value gives one message naming its variable. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'cấu hình');
      const got = env[name];
      return `${name}: ${i.message}${got !== undefined && !name.includes('PASSWORD') && !name.includes('TOKEN') && !name.includes('SECRET') && name !== 'SMTP_URL' ? ` (giá trị hiện tại: "${got}")` : ''}`;
    });
    return { ok: false, errors };
  }
  const c = parsed.data;
  return {
    ok: true,
    config: {
      databasePath: c.DATABASE_PATH,
      host: c.HOST,
      port: c.PORT,
      timeZone: c.APP_TIMEZONE,
      logLevel: c.LOG_LEVEL,
      demoData: c.DEMO_DATA,
      telegram: {
        token: c.TELEGRAM_BOT_TOKEN,
        apiRoot: c.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
        mode: c.TELEGRAM_MODE,
        forceIpv4: c.TELEGRAM_FORCE_IPV4,
        webhookSecret: c.TELEGRAM_WEBHOOK_SECRET,
      },
      zalo: {
        token: c.ZALO_BOT_TOKEN,
        apiRoot: c.ZALO_API_ROOT.replace(/\/+$/, ''),
        mode: c.ZALO_MODE,
        webhookSecret: c.ZALO_WEBHOOK_SECRET,
        ratePerSecond: c.ZALO_RATE_PER_SECOND,
        botUrl: c.ZALO_BOT_URL,
      },
      publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
      outbox: {
        ratePerSecond: c.OUTBOX_RATE_PER_SECOND,
        groupPerMinute: c.OUTBOX_GROUP_PER_MINUTE,
        maxInFlight: c.OUTBOX_MAX_IN_FLIGHT,
        maxAttempts: c.OUTBOX_MAX_ATTEMPTS,
      },
      jobs: { catchUpHours: c.JOBS_CATCHUP_HOURS },
      metricsToken: c.METRICS_TOKEN,
      backup: {
        dir: c.BACKUP_DIR ?? join(dirname(c.DATABASE_PATH), 'backups'),
        keep: c.BACKUP_KEEP,
        time: c.BACKUP_TIME,
      },
      firstAdmin:
        c.ADMIN_USERNAME && c.ADMIN_PASSWORD ? { username: c.ADMIN_USERNAME, password: c.ADMIN_PASSWORD } : undefined,
      personalLinkSecret: c.PERSONAL_LINK_SECRET,
      email:
        c.SMTP_URL && c.MAIL_FROM
          ? {
              smtpUrl: c.SMTP_URL,
              from: parseMailbox(c.MAIL_FROM)!,
              ratePerMinute: c.MAIL_RATE_PER_MINUTE,
              tlsVerify: c.SMTP_TLS_VERIFY,
            }
          : undefined,
    },
  };
}
