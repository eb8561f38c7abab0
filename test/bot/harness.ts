// Shared set-up for the bot's end-to-end tests: a real SQLite database, the real bot started by
// startBot (long polling) against the Bot API emulator, a controllable clock, and a logger whose
// errors fail the test.
import { type BotRunner, startBot } from '../../src/bot/telegram/runner.js';
import { createInvite } from '../../src/db/invites.js';
import { BotEmulator, type EmulatedChat } from '../helpers/bot-emulator.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { teeLogger } from '../helpers/logger.js';

export const TZ = 'Asia/Ho_Chi_Minh';

export interface LogRecord {
  level: number;
  msg: string;
  [k: string]: unknown;
}

export function captureLogger() {
  const records: LogRecord[] = [];
  // The product's logger (with its redaction), also writing to the suite's log files for the secret scan.
  const logger = teeLogger('debug', (chunk) => {
    for (const line of chunk.split('\n')) if (line.trim()) records.push(JSON.parse(line));
  });
  return { logger, records, errors: () => records.filter((r) => r.level >= 50) };
}

export class Clock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current);
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

export interface Harness {
  t: TestDb;
  emu: BotEmulator;
  clock: Clock;
  log: ReturnType<typeof captureLogger>;
  bloc: SmallBloc;
  runner: BotRunner;
  restart(): Promise<void>;
  close(): Promise<void>;
  /** A private chat linked to focal point `index` of the fixture bloc through a real invite. */
  linkedChat(index: number, userId?: number): Promise<EmulatedChat>;
}

/** Tuesday 24/11/2026 10:00 in Hà Nội: week 48 is current, week 47 still open (locks 07/12). */
export const TUESDAY_W48 = '2026-11-24T03:00:00.000Z';

export async function startHarness(opts: { at?: string; mode?: 'polling' | 'webhook' } = {}): Promise<Harness> {
  const t = await createTestDb();
  const emu = await BotEmulator.start();
  const clock = new Clock(new Date(opts.at ?? TUESDAY_W48));
  const log = captureLogger();
  const bloc = await createSmallBloc(t.db, { units: 3, year: 2026 });
  const start = () =>
    startBot({
      db: t.db,
      token: emu.token,
      apiRoot: emu.apiRoot,
      mode: 'polling',
      forceIpv4: false,
      timeZone: TZ,
      now: clock.now,
      logger: log.logger,
    });
  const h: Harness = {
    t,
    emu,
    clock,
    log,
    bloc,
    runner: await start(),
    async restart() {
      await h.runner.stop('restart');
      h.runner = await start();
    },
    async close() {
      await h.runner.stop('test end');
      await emu.close();
      await t.close();
    },
    async linkedChat(index, userId = 1000 + index) {
      const invite = await createInvite(t.db, {
        kind: 'focal_point',
        focalPointId: bloc.focalPointIds[index]!,
        createdBy: 'test',
        now: clock.now(),
      });
      const chat = emu.chat({ userId, firstName: `Người dùng ${index}` });
      await chat.send(`/start ${invite.code}`);
      return chat;
    },
  };
  return h;
}

/** /baocao, then the current period if the bot asks which one. */
export async function beginReport(chat: EmulatedChat, which: 'current' | 'previous' = 'current'): Promise<void> {
  await chat.send('/baocao');
  const choice = chat.lastMessage().buttons.flat();
  if (choice.length > 0 && choice.every((b) => b.data?.startsWith('p:'))) {
    await chat.tapData(choice[which === 'current' ? 0 : 1]!.data!, chat.lastMessage());
  }
}
