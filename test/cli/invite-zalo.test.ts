import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { type CliContext, CliError } from '../../src/cli/context.js';
import { loadConfig } from '../../src/config.js';
import { linkByCode } from '../../src/reporting/link-by-code.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';

// `npm run cli -- invite focal-point --id ID --channel zalo`: a one-time code to type to the Zalo
// bot (no deep link on Zalo), the bot's link when ZALO_BOT_URL is set; no Telegram bot name asked.

const invite = commands.find((c) => c.name === 'invite')!;
const NOW = new Date('2026-11-24T03:00:00Z');

function contextFor(db: TestDb['db'], env: Record<string, string>, lines: string[]): CliContext {
  const config = loadConfig(env);
  if (!config.ok) throw new Error(config.errors.join('\n'));
  return { config: config.config, db, now: () => NOW, out: (l) => lines.push(l) };
}

describe('npm run cli -- invite focal-point --channel zalo', () => {
  let t: TestDb;
  let b: SmallBloc;
  let lines: string[];
  beforeEach(async () => {
    t = await createTestDb();
    b = await createSmallBloc(t.db, { units: 2 });
    lines = [];
  });
  afterEach(() => t.close());

  it('prints the code to type to the bot and the bot’s link; the code links a Zalo account', async () => {
    const env = { ZALO_BOT_TOKEN: '123:abcdefgh', ZALO_BOT_URL: 'https://zalo.me/s/khoithidua6' };
    await invite.run(contextFor(t.db, env, lines), [
      'focal-point',
      '--id',
      String(b.focalPointIds[0]),
      '--channel',
      'zalo',
    ]);
    expect(lines[0]).toBe(
      'Đã tạo mã mời cho cán bộ đầu mối Cán bộ 1 (Đơn vị 1) để liên kết Zalo, hiệu lực đến 10:00 08/12/2026:',
    );
    expect(lines[1]).toMatch(/^\/start fp_[A-Za-z0-9_-]{32}$/);
    expect(lines[2]).toContain('Gửi mã này riêng cho đồng chí Cán bộ 1');
    expect(lines[3]).toBe('Đường dẫn bot Zalo: https://zalo.me/s/khoithidua6');
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'invite.create').execute();
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ channel: 'zalo', focalPointId: b.focalPointIds[0] });

    const code = lines[1]!.replace('/start ', '');
    const linked = await t.db
      .transaction()
      .execute((trx) => linkByCode(trx, { channel: 'zalo', userId: 'z-1', address: 'z-1', username: null }, code, NOW));
    expect(linked.kind).toBe('linked');
  });

  it('says where to find the bot without ZALO_BOT_URL, and refuses groups and unknown channels', async () => {
    await invite.run(contextFor(t.db, {}, lines), [
      'focal-point',
      '--id',
      String(b.focalPointIds[1]),
      '--channel',
      'zalo',
    ]);
    expect(lines[3]).toContain('Chưa đặt ZALO_BOT_URL');
    await expect(
      invite.run(contextFor(t.db, {}, lines), ['group', '--bloc', String(b.blocId), '--channel', 'zalo']),
    ).rejects.toThrow(CliError);
    await expect(
      invite.run(contextFor(t.db, {}, lines), ['focal-point', '--id', String(b.focalPointIds[1]), '--channel', 'sms']),
    ).rejects.toThrow('--channel: telegram hoặc zalo');
  });
});
