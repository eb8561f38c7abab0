// The submit use case, the one place a focal point's report is stored for every channel: revision
// numbering, the on-time flag, the receipt's last day, the base-conflict check, periods not taken,
// criteria removed meanwhile, and evidence files.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receiptLines } from '../../src/core/report-flow/error-text.js';
import { updateBlocSettings } from '../../src/db/blocs.js';
import type { Db } from '../../src/db/connection.js';
import { deleteCriterion } from '../../src/db/covenant.js';
import { getReport, getReportValues, listAttachments, listRevisions } from '../../src/db/reports.js';
import type { UploadedFile } from '../../src/db/web-uploads.js';
import type { Reporter, When } from '../../src/reporting/reporter.js';
import { type ReportEntries, submitEntries } from '../../src/reporting/submit.js';
import { createUseCaseTest, entries, TUESDAY_W48, type UseCaseTest } from './helpers.js';

let u: UseCaseTest;
beforeEach(async () => {
  u = await createUseCaseTest();
});
afterEach(async () => {
  await u.close();
});

const submit = (r: Reporter, e: ReportEntries, when: When) =>
  u.t.db.transaction().execute((trx: Db) => submitEntries(trx, r, e, when));

function upload(name: string, text: string): UploadedFile {
  const content = Buffer.from(text);
  return {
    kind: 'document',
    fileName: name,
    mimeType: 'application/pdf',
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

describe('submit', () => {
  it('stores revision 1 with the channel and the focal point, and a receipt promising the last day the period is taken', async () => {
    const r = await u.reporter(0, 'telegram');
    const out = await submit(r, entries(u.bloc, '2026-W48', [3, 12]), u.at(TUESDAY_W48));
    expect(out).toMatchObject({ kind: 'stored', revision: 1 });
    if (out.kind !== 'stored') return;
    // A 14-day lock on a weekly bloc: week 48 locks on 13/12, but from 07/12 it is older than the
    // previous week and no channel takes it, so the receipt promises 06/12.
    expect(out.receipt).toMatchObject({
      label: 'Tuần 48/2026 (23/11/2026 – 29/11/2026)',
      unit: 'Đơn vị 1',
      at: '10:00 24/11/2026',
      revision: 1,
      onTime: true,
      dueDate: '30/11/2026',
      lockDate: '13/12/2026',
      lastDay: '06/12/2026',
      isNil: false,
      attachments: 0,
    });
    expect(receiptLines(out.receipt)).toContain('Đồng chí có thể sửa báo cáo đến hết ngày 06/12/2026.');
    const report = (await getReport(u.t.db, u.bloc.blocId, u.bloc.unitIds[0]!, '2026-W48'))!;
    expect(report).toMatchObject({ revision: 1, submittedVia: 'telegram', isNil: false });
    expect((await getReportValues(u.t.db, report.id)).map((v) => v.value)).toEqual([3, 12]);
    const revisions = await listRevisions(u.t.db, report.id);
    expect(revisions.map((v) => [v.revision, v.submittedVia, v.submittedByFocalPointId])).toEqual([
      [1, 'telegram', u.bloc.focalPointIds[0]],
    ]);
  });

  it('promises the lock date when the lock is shorter than a period', async () => {
    await updateBlocSettings(u.t.db, u.bloc.blocId, { graceDays: 1, lockDays: 3 });
    const r = await u.reporter(0, 'web');
    const out = await submit(r, entries(u.bloc, '2026-W47', [1, 1]), u.at(TUESDAY_W48));
    expect(out).toMatchObject({ kind: 'stored', receipt: { lockDate: '25/11/2026', lastDay: '25/11/2026' } });
  });

  it('numbers revisions and keeps the on-time flag of the first submission', async () => {
    const r = await u.reporter(0, 'web');
    const first = await submit(r, entries(u.bloc, '2026-W48', [1, 1]), u.at(TUESDAY_W48));
    if (first.kind !== 'stored') throw new Error(first.kind);
    const late = u.at('2026-12-01T03:00:00.000Z');
    const second = await submit(
      r,
      entries(u.bloc, '2026-W48', [2, 2], { base: { reportId: first.reportId, revision: 1 } }),
      late,
    );
    expect(second).toMatchObject({ kind: 'stored', revision: 2, receipt: { revision: 2, onTime: true } });
    const otherUnit = await submit(await u.reporter(1, 'web'), entries(u.bloc, '2026-W48', [1, 1]), late);
    expect(otherUnit).toMatchObject({ kind: 'stored', revision: 1, receipt: { onTime: false } });
  });

  it('refuses entries started as new over a stored report, naming its author, and stores nothing', async () => {
    const a = await u.reporter(0, 'telegram');
    const b = await u.reporter(0, 'web');
    await submit(a, entries(u.bloc, '2026-W48', [1, 1]), u.at(TUESDAY_W48));
    const out = await submit(b, entries(u.bloc, '2026-W48', [9, 9]), u.at('2026-11-24T04:00:00.000Z'));
    expect(out).toMatchObject({
      kind: 'conflict',
      conflict: { kind: 'created', revision: 1 },
      stored: { submittedVia: 'telegram' },
      author: { focalPointName: 'Cán bộ 1', self: true, at: new Date(TUESDAY_W48) },
    });
    const report = (await getReport(u.t.db, u.bloc.blocId, u.bloc.unitIds[0]!, '2026-W48'))!;
    expect(report.revision).toBe(1);
    expect((await getReportValues(u.t.db, report.id)).map((v) => v.value)).toEqual([1, 1]);
  });

  it('refuses entries based on an older revision', async () => {
    const r = await u.reporter(0, 'web');
    const first = await submit(r, entries(u.bloc, '2026-W48', [1, 1]), u.at(TUESDAY_W48));
    if (first.kind !== 'stored') throw new Error(first.kind);
    const base = { reportId: first.reportId, revision: 1 };
    await submit(r, entries(u.bloc, '2026-W48', [2, 2], { base }), u.at(TUESDAY_W48));
    const out = await submit(r, entries(u.bloc, '2026-W48', [3, 3], { base }), u.at(TUESDAY_W48));
    expect(out).toMatchObject({ kind: 'conflict', conflict: { kind: 'revised', revision: 2 } });
  });

  it('refuses a period no channel takes, telling a passed lock date from a period too old, and stores nothing', async () => {
    const r = await u.reporter(0, 'telegram');
    // Week 46 locks on 29/11 but is older than the previous week; week 45 locked on 22/11.
    expect(await submit(r, entries(u.bloc, '2026-W46', [1, 1]), u.at(TUESDAY_W48))).toEqual({
      kind: 'periodNotTaken',
      locked: false,
    });
    expect(await submit(r, entries(u.bloc, '2026-W45', [1, 1]), u.at(TUESDAY_W48))).toEqual({
      kind: 'periodNotTaken',
      locked: true,
    });
    expect(await u.t.db.selectFrom('progress_report').selectAll().execute()).toEqual([]);
  });

  it('drops the value of a criterion removed from the covenant meanwhile', async () => {
    const r = await u.reporter(0, 'telegram');
    await deleteCriterion(u.t.db, u.bloc.criterionIds[1]!);
    const out = await submit(r, entries(u.bloc, '2026-W48', [4, 5]), u.at(TUESDAY_W48));
    if (out.kind !== 'stored') throw new Error(out.kind);
    expect(await getReportValues(u.t.db, out.reportId)).toEqual([{ criterionId: u.bloc.criterionIds[0], value: 4 }]);
  });

  it('stores each uploaded file once per report, with its bytes, and Telegram files as references', async () => {
    const web = await u.reporter(0, 'web');
    const photo = upload('a.pdf', 'one');
    const first = await submit(
      web,
      entries(u.bloc, '2026-W48', [1, 1], {
        files: [
          { source: 'upload', file: photo },
          { source: 'upload', file: upload('copy.pdf', 'one') },
        ],
      }),
      u.at(TUESDAY_W48),
    );
    if (first.kind !== 'stored') throw new Error(first.kind);
    expect(first.receipt.attachments).toBe(1);
    const second = await submit(
      web,
      entries(u.bloc, '2026-W48', [1, 1], {
        base: { reportId: first.reportId, revision: 1 },
        files: [
          { source: 'upload', file: photo },
          { source: 'upload', file: upload('b.pdf', 'two') },
        ],
      }),
      u.at(TUESDAY_W48),
    );
    expect(second).toMatchObject({ kind: 'stored', receipt: { attachments: 1 } });
    const bot = await u.reporter(1, 'telegram');
    const attachment = {
      kind: 'photo' as const,
      fileId: 'F1',
      fileUniqueId: 'U1',
      fileName: null,
      mimeType: 'image/jpeg',
      sizeBytes: 10,
      caption: 'Hội thi',
    };
    await submit(
      bot,
      entries(u.bloc, '2026-W48', [1, 1], { files: [{ source: 'telegram', attachment }] }),
      u.at(TUESDAY_W48),
    );
    const files = await listAttachments(u.t.db, first.reportId);
    expect(files.map((f) => [f.fileName, f.addedInRevision, f.telegramFileId])).toEqual([
      ['a.pdf', 1, null],
      ['b.pdf', 2, null],
    ]);
    const contents = await u.t.db.selectFrom('attachment_content').select(['sha256']).execute();
    expect(contents).toHaveLength(2);
    const botReport = (await getReport(u.t.db, u.bloc.blocId, u.bloc.unitIds[1]!, '2026-W48'))!;
    expect((await listAttachments(u.t.db, botReport.id)).map((f) => [f.telegramFileId, f.caption])).toEqual([
      ['F1', 'Hội thi'],
    ]);
  });
});
