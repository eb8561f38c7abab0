// The same report through Telegram, Zalo and the web form is stored identically (issue 13; decision
// 0051's parity extended to Zalo). Zalo goes through its real dialogue, typed as a person would,
// with a photo fetched from the emulator; Telegram and the web form through the same use case the
// bot and the form call (submitEntries). Only the channel of each revision differs; the photo's
// bytes are stored the same from Zalo and from the web form (Telegram keeps its file by reference).
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBloc } from '../../src/db/blocs.js';
import { getFocalPoint } from '../../src/db/focal-points.js';
import { createInvite } from '../../src/db/invites.js';
import { getReport, getReportValues, listRevisions } from '../../src/db/reports.js';
import { getUnit } from '../../src/db/units.js';
import { type ReportChannel, reporterOf } from '../../src/reporting/reporter.js';
import type { EvidenceFile } from '../../src/reporting/evidence.js';
import { submitEntries } from '../../src/reporting/submit.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { zaloPerson } from '../helpers/zalo-dialogue.js';
import { ZaloEmulator } from '../helpers/zalo-emulator.js';
import { entries, TZ } from './helpers.js';

const NOW = new Date('2026-11-26T03:00:00.000Z');
const TEXTS = { notableResults: 'Tuyên truyền 3 gương điển hình', difficulties: null, proposals: 'Tập huấn' };
/** A 1×1 PNG, the photo of evidence. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

let t: TestDb;
let bloc: SmallBloc;
let emu: ZaloEmulator;
beforeEach(async () => {
  t = await createTestDb();
  emu = await ZaloEmulator.start();
  bloc = await createSmallBloc(t.db, { units: 3, year: 2026 });
});
afterEach(async () => {
  await emu.close();
  await t.close();
});

async function reporter(index: number, channel: ReportChannel) {
  const focalPoint = (await getFocalPoint(t.db, bloc.focalPointIds[index]!))!;
  const unit = (await getUnit(t.db, focalPoint.unitId))!;
  return reporterOf({ focalPoint, unit, bloc: (await getBloc(t.db, bloc.blocId))! }, channel);
}

/** A stored report without what differs by unit or channel, and its evidence. */
async function comparable(unit: number) {
  const r = (await getReport(t.db, bloc.blocId, bloc.unitIds[unit]!, '2026-W48'))!;
  const { id, unitId, submittedVia, submittedByFocalPointId, ...report } = r;
  const values = (await getReportValues(t.db, id)).sort((a, b) => a.criterionId - b.criterionId);
  const revisions = (await listRevisions(t.db, id)).map((v) => ({
    revision: v.revision,
    snapshot: v.snapshot,
    at: v.submittedAt,
    via: v.submittedVia,
  }));
  const evidence = await t.db
    .selectFrom('report_attachment as a')
    .leftJoin('attachment_content as c', 'c.attachment_id', 'a.id')
    .select(['a.kind', 'a.mime_type', 'a.size_bytes', 'a.caption', 'a.telegram_file_id', 'c.content'])
    .where('a.report_id', '=', id)
    .execute();
  return { report, values, revisions, evidence, channel: submittedVia };
}

describe('the same report through Telegram, Zalo and the web form', () => {
  it('is stored identically; only the channel differs, and the photo’s bytes are the same from Zalo and the web', async () => {
    const when = { now: NOW, timeZone: TZ };
    const telegramPhoto: EvidenceFile = {
      source: 'telegram',
      attachment: {
        kind: 'photo',
        fileId: 'AgACAgQAAxkBAAIB',
        fileUniqueId: 'AQADAgAT',
        fileName: null,
        mimeType: 'image/png',
        sizeBytes: PNG.length,
        caption: 'Hội nghị',
      },
    };
    const webPhoto: EvidenceFile = {
      source: 'upload',
      file: {
        kind: 'photo',
        fileName: 'hoi-nghi.png',
        mimeType: 'image/png',
        sizeBytes: PNG.length,
        sha256: createHash('sha256').update(PNG).digest('hex'),
        content: PNG,
      },
      caption: 'Hội nghị',
    };
    for (const [i, channel, photo] of [
      [0, 'telegram', telegramPhoto],
      [2, 'web', webPhoto],
    ] as const) {
      const who = await reporter(i, channel);
      const out = await t.db
        .transaction()
        .execute((trx) =>
          submitEntries(trx, who, entries(bloc, '2026-W48', [3, 12], { texts: TEXTS, files: [photo] }), when),
        );
      expect(out.kind).toBe('stored');
    }

    const clock = { now: NOW };
    const zalo = zaloPerson(t.db, emu, 'z-2', clock);
    const invite = await createInvite(t.db, {
      kind: 'focal_point',
      focalPointId: bloc.focalPointIds[1]!,
      createdBy: 'test',
      now: NOW,
    });
    await zalo.types(`/start ${invite.code}`);
    for (const text of ['/baocao', '1', '3', '12', TEXTS.notableResults, 'bỏ qua', TEXTS.proposals])
      await zalo.types(text);
    expect(await zalo.sendsPhoto(emu.addFile('hoi-nghi.png', PNG), 'Hội nghị')).toContain('1 ảnh');
    await zalo.types('1');
    expect(await zalo.types('1')).toContain('Đã ghi nhận báo cáo');

    const [viaTelegram, viaZalo, viaWeb] = [await comparable(0), await comparable(1), await comparable(2)];
    expect([viaTelegram.channel, viaZalo.channel, viaWeb.channel]).toEqual(['telegram', 'zalo', 'web']);
    expect(viaZalo.report).toEqual(viaTelegram.report);
    expect(viaWeb.report).toEqual(viaTelegram.report);
    expect(viaZalo.values).toEqual(viaTelegram.values);
    expect(viaWeb.values).toEqual(viaTelegram.values);
    const sameRevisions = (r: typeof viaTelegram.revisions) => r.map(({ via, ...rest }) => rest);
    expect(sameRevisions(viaZalo.revisions)).toEqual(sameRevisions(viaTelegram.revisions));
    expect(sameRevisions(viaWeb.revisions)).toEqual(sameRevisions(viaTelegram.revisions));
    expect(viaZalo.evidence).toEqual(viaWeb.evidence);
    expect(viaZalo.evidence).toEqual([
      {
        kind: 'photo',
        mime_type: 'image/png',
        size_bytes: PNG.length,
        caption: 'Hội nghị',
        telegram_file_id: null,
        content: PNG,
      },
    ]);
    // Telegram's photo is the same evidence, kept by Telegram: a reference instead of bytes.
    expect(viaTelegram.evidence).toEqual([
      { ...viaWeb.evidence[0], telegram_file_id: 'AgACAgQAAxkBAAIB', content: null },
    ]);
  });
});
