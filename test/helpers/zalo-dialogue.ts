// A person writing to the Zalo bot in-process: each message is handled by the real dialogue
// (src/bot/zalo/dialogue) with the real photo keeper, its replies sent through the emulator, and
// the replies to that message returned as one text. For tests of what the bot does with what a
// person types, without starting the process (the process tests cover the receiving side).
import { createZaloBotApiClient } from '../../src/bot/zalo/bot-api-client.js';
import { handleZaloMessage } from '../../src/bot/zalo/dialogue/handle-message.js';
import { createPhotoKeeper } from '../../src/bot/zalo/keep-photo.js';
import type { ZaloMessage } from '../../src/bot/zalo/update.js';
import type { Db } from '../../src/db/connection.js';
import { testLogger } from './logger.js';
import type { ZaloEmulator } from './zalo-emulator.js';

export interface ZaloPerson {
  types(text: string): Promise<string>;
  sendsPhoto(url: string, caption?: string): Promise<string>;
}

export function zaloPerson(
  db: Db,
  emu: ZaloEmulator,
  userId: string,
  clock: { now: Date },
  timeZone = 'Asia/Ho_Chi_Minh',
): ZaloPerson {
  emu.knowChat(userId);
  const logger = testLogger();
  let n = 0;
  const send = async (m: Partial<ZaloMessage>) => {
    const client = createZaloBotApiClient({ token: emu.token, apiRoot: emu.apiRoot });
    const before = emu.sentTo(userId).length;
    n += 1;
    const now = () => clock.now;
    await handleZaloMessage(
      {
        db,
        now,
        timeZone,
        logger,
        keepPhoto: createPhotoKeeper({ db, now, logger }),
        async sendText(chatId, text) {
          await client.call('sendMessage', { chat_id: chatId, text });
        },
      },
      {
        messageId: `${userId}-${n}`,
        date: clock.now.getTime(),
        chatId: userId,
        chatType: 'PRIVATE',
        userId,
        name: null,
        text: null,
        photo: null,
        caption: null,
        other: false,
        ...m,
      },
    );
    client.close();
    return emu
      .sentTo(userId)
      .slice(before)
      .map((s) => s.text)
      .join('\n---\n');
  };
  return {
    types: (text) => send({ text }),
    sendsPhoto: (url, caption) => send({ photo: url, caption: caption ?? null }),
  };
}
