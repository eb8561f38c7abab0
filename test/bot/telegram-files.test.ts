// Reading a report's file back from Telegram, against the Bot API emulator: getFile, then the
// download from /file/bot<token>/<path>; Telegram's refusals become reasons the admin can word.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramFiles, type TelegramFileResult } from '../../src/bot/telegram/telegram-files.js';
import { BotEmulator } from '../helpers/bot-emulator.js';

async function bytesOf(r: TelegramFileResult): Promise<Buffer> {
  if (!r.ok) throw new Error(`expected a file, got ${r.reason}: ${r.detail}`);
  const chunks: Buffer[] = [];
  for await (const chunk of r.body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('telegram files', () => {
  let emu: BotEmulator;
  beforeEach(async () => {
    emu = await BotEmulator.start();
  });
  afterEach(() => emu.close());

  it('streams a file through getFile and the download path, with its size', async () => {
    const bytes = randomBytes(300_000);
    const { fileId, fileUniqueId } = emu.addFile({ bytes });
    const files = createTelegramFiles({ token: emu.token, apiRoot: emu.apiRoot });
    const result = await files.fetchFile(fileId);
    expect(result.ok && result.size).toBe(bytes.length);
    expect((await bytesOf(result)).equals(bytes)).toBe(true);
    expect(emu.callsOf('getFile').map((c) => c.params)).toEqual([{ file_id: fileId }]);
    expect(emu.downloads).toEqual([`files/${fileUniqueId}`]);
    expect(emu.violations).toEqual([]);
  });

  it('works with an API root given without its trailing slash', async () => {
    const { fileId } = emu.addFile({ bytes: Buffer.from('ảnh') });
    const files = createTelegramFiles({ token: emu.token, apiRoot: emu.apiRoot.replace(/\/$/, '') });
    expect((await bytesOf(await files.fetchFile(fileId))).toString()).toBe('ảnh');
  });

  it('says a file Telegram does not know is not found, and one over 20 MB is too big', async () => {
    const files = createTelegramFiles({ token: emu.token, apiRoot: emu.apiRoot });
    expect(await files.fetchFile('KHONG-CO-TEP')).toMatchObject({ ok: false, reason: 'not_found' });
    const { fileId } = emu.addFile({ bytes: Buffer.from('x'), fileSize: 25 * 1024 * 1024 });
    expect(await files.fetchFile(fileId)).toMatchObject({ ok: false, reason: 'too_big' });
    expect(emu.downloads).toEqual([]);
    expect(emu.violations).toEqual([]);
  });

  it('reports Telegram out of reach or a wrong token as unavailable, without the token', async () => {
    const { fileId } = emu.addFile({ bytes: Buffer.from('x') });
    const wrongToken = createTelegramFiles({
      token: `${emu.token.split(':')[0]}:${'A'.repeat(35)}`,
      apiRoot: emu.apiRoot,
    });
    expect(await wrongToken.fetchFile(fileId)).toMatchObject({ ok: false, reason: 'unavailable' });
    const down = createTelegramFiles({ token: emu.token, apiRoot: `http://127.0.0.1:${await closedPort()}/` });
    const result = await down.fetchFile(fileId);
    expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(JSON.stringify(result)).not.toContain(emu.token);
  });
});
