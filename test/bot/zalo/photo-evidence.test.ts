// A photo sent to the Zalo bot at the evidence step is fetched at once and its bytes kept; what is
// not a photo, or cannot be fetched, is refused with a clear answer; when the report is sent the
// bytes are stored with it as the web form's files are, and the kept copy is let go (decision 0094);
// so are the photos of a cancelled draft, and housekeeping clears those no draft holds any more.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../../src/db/invites.js';
import { keepReceivedFile } from '../../../src/db/received-files.js';
import { findJob } from '../../../src/jobs/registry.js';
import { runJobSlot } from '../../../src/jobs/run-job.js';
import { testLogger } from '../../helpers/logger.js';
import { createTestDb, type TestDb } from '../../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../../helpers/fixtures.js';
import { zaloPerson } from '../../helpers/zalo-dialogue.js';
import { ZaloEmulator } from '../../helpers/zalo-emulator.js';

let t: TestDb;
let emu: ZaloEmulator;
let bloc: SmallBloc;
const clock = { now: new Date('2026-11-26T03:00:00Z') };

beforeEach(async () => {
  t = await createTestDb();
  emu = await ZaloEmulator.start();
  bloc = await createSmallBloc(t.db, { name: 'Khối thi đua số 6', units: 2, year: 2026 });
});
afterEach(async () => {
  await emu.close();
  await t.close();
});

describe('photos as evidence on Zalo', () => {
  it('fetches a photo at once, keeps its bytes, and stores them with the report when it is sent', async () => {
    const p = zaloPerson(t.db, emu, 'z-1', clock);
    const fp = bloc.focalPointIds[0]!;
    const invite = await createInvite(t.db, { kind: 'focal_point', focalPointId: fp, createdBy: 't', now: clock.now });
    for (const text of [`/start ${invite.code}`, '/baocao', '1', '3', '12', 'Tuyên truyền', 'bỏ qua', 'bỏ qua'])
      await p.types(text);

    const photo = emu.addFile('hoi-nghi.png', PNG);
    expect(await p.sendsPhoto(photo, 'Hội nghị sơ kết')).toContain('1 ảnh');
    // What is not a photo, and a URL that no longer answers, are refused with a clear answer.
    const notPhoto = emu.addFile('ghi-chu.txt', Buffer.from('không phải ảnh'), 'image/jpeg');
    expect(await p.sendsPhoto(notPhoto)).toContain('Bot chưa tải được ảnh này từ Zalo');
    expect(await p.sendsPhoto(`${emu.apiRoot}/files/khong-con.jpg`)).toContain('Bot chưa tải được ảnh này từ Zalo');
    expect(await t.db.selectFrom('received_file').select(['focal_point_id', 'channel', 'mime_type']).execute()).toEqual(
      [{ focal_point_id: fp, channel: 'zalo', mime_type: 'image/png' }],
    );

    expect(await p.types('1')).toContain('Minh chứng: 1 tệp mới');
    expect(await p.types('1')).toContain('Kèm 1 tệp minh chứng.');
    const report = await t.db
      .selectFrom('progress_report')
      .selectAll()
      .where('unit_id', '=', bloc.unitIds[0]!)
      .executeTakeFirstOrThrow();
    expect(report.submitted_via).toBe('zalo');
    const stored = await t.db
      .selectFrom('report_attachment as a')
      .innerJoin('attachment_content as c', 'c.attachment_id', 'a.id')
      .select(['a.kind', 'a.telegram_file_id', 'a.mime_type', 'a.size_bytes', 'a.caption', 'c.content'])
      .where('a.report_id', '=', report.id)
      .execute();
    expect(stored).toEqual([
      {
        kind: 'photo',
        telegram_file_id: null,
        mime_type: 'image/png',
        size_bytes: PNG.length,
        caption: 'Hội nghị sơ kết',
        content: PNG,
      },
    ]);
    // Kept until the report is sent, then let go: the report holds the bytes now.
    expect(await t.db.selectFrom('received_file').select('id').execute()).toEqual([]);
    expect(emu.violations).toEqual([]);
  });

  it('lets the photos go when the draft is cancelled, and housekeeping those no draft holds any more', async () => {
    const p = zaloPerson(t.db, emu, 'z-1', clock);
    const fp = bloc.focalPointIds[0]!;
    const invite = await createInvite(t.db, { kind: 'focal_point', focalPointId: fp, createdBy: 't', now: clock.now });
    const toPhotos = ['/baocao', '1', '3', '12', 'bỏ qua', 'bỏ qua', 'bỏ qua'];
    for (const text of [`/start ${invite.code}`, ...toPhotos]) await p.types(text);
    expect(await p.sendsPhoto(emu.addFile('a.png', PNG))).toContain('1 ảnh');
    const files = () => t.db.selectFrom('received_file').select('id').execute();
    expect(await files()).toHaveLength(1);
    expect(await p.types('/huy')).toContain('hủy');
    expect(await files()).toEqual([]);

    // A draft still holding its photo keeps it, however old; a photo no draft holds goes after a day.
    for (const text of toPhotos) await p.types(text);
    expect(await p.sendsPhoto(emu.addFile('b.png', PNG))).toContain('1 ảnh');
    const held = (await files())[0]!.id;
    const orphan = await keepReceivedFile(t.db, {
      focalPointId: fp,
      channel: 'zalo',
      content: PNG,
      mimeType: 'image/png',
      at: clock.now,
    });
    const later = new Date(clock.now.getTime() + 2 * 86_400_000);
    const job = findJob('housekeeping')!;
    const deps = { db: t.db, timeZone: 'Asia/Ho_Chi_Minh', logger: testLogger(), channels: ['zalo'] };
    const scope = { key: 'all', blocId: null };
    expect(await runJobSlot(deps, job, scope, job.slotOf(later, scope, deps.timeZone), later)).toMatchObject({
      status: 'succeeded',
      outcome: { receivedFiles: 1 },
    });
    expect((await files()).map((f) => f.id)).toEqual([held]);
    expect(orphan.id).not.toBe(held);
    expect(await p.types('1')).toContain('Minh chứng: 1 tệp mới');
  });
});

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
