// A Zalo message is claimed before it is handled, so it never comes again: when handling it fails,
// the person is told so (the catalogue's internal-error answer, as on Telegram) rather than hearing
// nothing, and what they had typed stays in the draft.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloBotApiClient } from '../../../src/bot/zalo/bot-api-client.js';
import { startZaloBot, type ZaloBotRunner } from '../../../src/bot/zalo/zalo-bot.js';
import { M } from '../../../src/bot/conversation/messages.js';
import { createInvite } from '../../../src/db/invites.js';
import { createTelegramChannels } from '../../../src/observability/telegram-channels.js';
import { loadState } from '../../../src/reporting/conversation.js';
import { createTestDb, type TestDb } from '../../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../../helpers/fixtures.js';
import { testLogger } from '../../helpers/logger.js';
import { ZaloEmulator } from '../../helpers/zalo-emulator.js';

const SECRET = 'secret-handler-failure';
let t: TestDb;
let emu: ZaloEmulator;
let bloc: SmallBloc;
let bot: ZaloBotRunner;
const clock = { now: new Date('2026-11-26T03:00:00Z') };
let n = 0;

beforeEach(async () => {
  t = await createTestDb();
  emu = await ZaloEmulator.start();
  bloc = await createSmallBloc(t.db, { name: 'Khối thi đua số 6', units: 2, year: 2026 });
  const now = () => clock.now;
  const logger = testLogger();
  bot = await startZaloBot({
    db: t.db,
    client: createZaloBotApiClient({ token: emu.token, apiRoot: emu.apiRoot }),
    mode: 'webhook',
    publicUrl: 'https://ktd.example.vn',
    webhookSecret: SECRET,
    watch: createTelegramChannels({ now, logger, platform: 'zalo' }),
    now,
    timeZone: 'Asia/Ho_Chi_Minh',
    logger,
    // The photo keeper fails as a full disk or a broken database would.
    async keepPhoto() {
      throw new Error('disk full');
    },
  });
  emu.knowChat('z-1');
});
afterEach(async () => {
  await bot.stop();
  await emu.close();
  await t.close();
});

/** The person sends one message through the webhook; the replies it got. */
async function sends(message: Record<string, unknown>): Promise<string[]> {
  const before = emu.sentTo('z-1').length;
  n += 1;
  const res = await bot.webhookApp!.request('/', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
    body: JSON.stringify({
      event_name: message.photo ? 'message.image.received' : 'message.text.received',
      message: {
        message_id: `f${n}`,
        date: clock.now.getTime(),
        chat: { id: 'z-1', chat_type: 'PRIVATE' },
        from: { id: 'z-1', display_name: 'Nguyễn Văn A', is_bot: false },
        ...message,
      },
    }),
  });
  expect(res.status).toBe(200);
  return emu
    .sentTo('z-1')
    .slice(before)
    .map((s) => s.text ?? '');
}

describe('Zalo: a message whose handling fails', () => {
  it('answers the internal-error message, and keeps the draft', async () => {
    const fp = bloc.focalPointIds[0]!;
    const invite = await createInvite(t.db, { kind: 'focal_point', focalPointId: fp, createdBy: 't', now: clock.now });
    for (const text of [`/start ${invite.code}`, '/baocao', '1', '3', '12', 'Tuyên truyền', 'bỏ qua', 'bỏ qua'])
      await sends({ text });
    expect(await sends({ photo: emu.addFile('a.png', Buffer.from('png')) })).toEqual([M.internalError]);
    const key = { chatId: 'zalo:z-1', accountId: 'zalo:z-1', focalPointId: fp };
    expect((await loadState(t.db, key)).draft?.texts.notableResults).toBe('Tuyên truyền');
  });
});
