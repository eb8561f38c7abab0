// The bot (real telegraf against the Bot API emulator) and the web form store the same report the
// same way: same values, same texts (normalised), same nil flag; only the channel differs. A report
// sent through one channel and revised through the other is one report with two revisions.
// Both call the same use cases (src/reporting, decision 0084), whose parity test/reporting/parity.test.ts
// checks directly; this end-to-end comparison stays as cheap assurance that each channel calls them.
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issuePersonalLink } from '../../src/db/personal-links.js';
import { getReport, getReportValues, listRevisions } from '../../src/db/reports.js';
import { createWebReportApp } from '../../src/web-report/app.js';
import { beginReport, type Harness, startHarness, TZ } from '../bot/harness.js';
import { testLogger } from '../helpers/logger.js';
import { FormClient, LINK_SECRET } from './helpers.js';

let h: Harness;
let app: Hono;
beforeEach(async () => {
  h = await startHarness();
  app = new Hono().route(
    '/r',
    createWebReportApp({ db: h.t.db, now: h.clock.now, timeZone: TZ, linkSecret: LINK_SECRET, logger: testLogger() }),
  );
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  expect(h.log.errors()).toEqual([]);
  await h.close();
});

async function webClient(index: number): Promise<FormClient> {
  const { token } = await issuePersonalLink(h.t.db, {
    focalPointId: h.bloc.focalPointIds[index]!,
    secret: LINK_SECRET,
    by: 'test',
    now: h.clock.now(),
  });
  return new FormClient(app, token);
}

/** A stored report without what differs by unit, time or channel. */
async function comparable(unit: number, key: string) {
  const r = (await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[unit]!, key))!;
  const { id, unitId, submittedVia, submittedByFocalPointId, firstSubmittedAt, updatedAt, ...rest } = r;
  const values = (await getReportValues(h.t.db, id)).sort((a, b) => a.criterionId - b.criterionId);
  const revisions = (await listRevisions(h.t.db, id)).map((v) => ({
    revision: v.revision,
    snapshot: JSON.parse(v.snapshot),
  }));
  return { report: rest, values, revisions, channel: submittedVia, by: submittedByFocalPointId };
}

const NOTABLE = 'Tuyên truyền 3 gương điển hình tiên tiến, tổ chức hội thi “Gương sáng”';
const PROPOSAL = 'Đề nghị Khối tổ chức tập huấn nghiệp vụ';

describe('parity of the bot and the web form', () => {
  it('the same full report through both stores identical values and texts; only the channel differs', async () => {
    const chat = await h.linkedChat(0);
    await beginReport(chat);
    await chat.send('3');
    await chat.send('12');
    await chat.send(NOTABLE.normalize('NFD'));
    await chat.tap('Bỏ qua');
    await chat.send(`  ${PROPOSAL}  `);
    await chat.tap('Không có, tiếp tục');
    await chat.tap('Gửi báo cáo');
    expect(chat.lastText()).toContain('✅ Đã ghi nhận báo cáo Tuần 48/2026');

    const web = await webClient(1);
    await web.open();
    const [c1, c2] = h.bloc.criterionIds;
    const sent = await web.send({
      [`v_${c1}`]: '3',
      [`v_${c2}`]: '12',
      notableResults: NOTABLE.normalize('NFD'),
      difficulties: '',
      proposals: `  ${PROPOSAL}  `,
    });
    expect(sent.res.status).toBe(303);
    const receipt = await web.follow(sent);
    // The receipt's wording is the bot's.
    for (const line of chat.lastText().split('\n'))
      expect(receipt.html).toContain(line.replace('Đơn vị 1', 'Đơn vị 2'));

    const viaBot = await comparable(0, '2026-W48');
    const viaWeb = await comparable(1, '2026-W48');
    expect(viaWeb.report).toEqual(viaBot.report);
    expect(viaWeb.values).toEqual(viaBot.values);
    expect(viaWeb.revisions).toEqual(viaBot.revisions);
    expect(viaBot.report.notableResults).toBe(NOTABLE);
    expect(viaBot.report.difficulties).toBeNull();
    expect(viaBot.report.proposals).toBe(PROPOSAL);
    expect([viaBot.channel, viaWeb.channel]).toEqual(['telegram', 'web']);
    expect([viaBot.by, viaWeb.by]).toEqual([h.bloc.focalPointIds[0], h.bloc.focalPointIds[1]]);
  });

  it('the same "nothing new" through both stores the same nil report', async () => {
    const chat = await h.linkedChat(0);
    await beginReport(chat);
    await chat.tap('Không có gì mới');
    expect(chat.lastText()).toContain('kỳ này không có gì mới');
    const web = await webClient(1);
    await web.open();
    expect((await web.nil()).res.status).toBe(303);
    const viaBot = await comparable(0, '2026-W48');
    const viaWeb = await comparable(1, '2026-W48');
    expect(viaWeb.report).toEqual(viaBot.report);
    expect(viaWeb.report.isNil).toBe(true);
    expect(viaWeb.values).toEqual([]);
    expect(viaWeb.revisions).toEqual(viaBot.revisions);
  });

  it('the same refusal is worded the same way: "1.200" in the bot and in the form', async () => {
    const chat = await h.linkedChat(0);
    await beginReport(chat);
    await chat.send('1.200');
    const botWords = chat.lastText().split('\n')[0]!.replace('⚠️ ', '');
    const web = await webClient(1);
    await web.open();
    const page = await web.send({ [`v_${h.bloc.criterionIds[0]}`]: '1.200', [`v_${h.bloc.criterionIds[1]}`]: '1' });
    expect(botWords).toContain('ví dụ: 1200');
    expect(page.html).toContain(botWords.replace(/"/g, '&quot;'));
  });
});

describe('one report across both channels', () => {
  it('sent through the bot, then revised through the web form: one report, revisions 1 telegram and 2 web', async () => {
    const chat = await h.linkedChat(0);
    await beginReport(chat);
    await chat.send('3');
    await chat.send('12');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Không có, tiếp tục');
    await chat.tap('Gửi báo cáo');

    const web = await webClient(0);
    const form = await web.open();
    expect(form.html).toContain('(qua Telegram)');
    expect(form.html).toContain(`value="12"`);
    h.clock.set('2026-11-24T04:00:00.000Z');
    const [c1, c2] = h.bloc.criterionIds;
    expect(
      (await web.send({ [`v_${c1}`]: '4', [`v_${c2}`]: '12', notableResults: 'Bổ sung qua web' })).res.status,
    ).toBe(303);

    const reports = await h.t.db
      .selectFrom('progress_report')
      .selectAll()
      .where('unit_id', '=', h.bloc.unitIds[0]!)
      .execute();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ revision: 2, submitted_via: 'web', notable_results: 'Bổ sung qua web' });
    const revisions = await listRevisions(h.t.db, reports[0]!.id);
    expect(revisions.map((r) => [r.revision, r.submittedVia, r.submittedByFocalPointId])).toEqual([
      [1, 'telegram', h.bloc.focalPointIds[0]],
      [2, 'web', h.bloc.focalPointIds[0]],
    ]);
  });

  it('a web form loaded before the bot sent the same period is not stored over it', async () => {
    const web = await webClient(0);
    await web.open();
    const chat = await h.linkedChat(0);
    await beginReport(chat);
    await chat.tap('Không có gì mới');
    const [c1, c2] = h.bloc.criterionIds;
    const page = await web.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1' });
    expect(page.res.status).toBe(409);
    expect(page.html).toContain('(qua Telegram)');
    const r = (await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W48'))!;
    expect(r).toMatchObject({ revision: 1, isNil: true, submittedVia: 'telegram' });
  });

  it('a bot draft begun before the web form sent the same period is not stored over it, and the bot names the web', async () => {
    const chat = await h.linkedChat(0);
    await beginReport(chat);
    await chat.send('9');
    await chat.send('9');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Không có, tiếp tục');

    const web = await webClient(0);
    await web.open();
    h.clock.set('2026-11-24T03:30:00.000Z');
    const [c1, c2] = h.bloc.criterionIds;
    expect((await web.send({ [`v_${c1}`]: '2', [`v_${c2}`]: '3' })).res.status).toBe(303);

    await chat.tap('Gửi báo cáo');
    expect(chat.lastText()).toContain(
      'Trong lúc đồng chí soạn, chính đồng chí đã gửi báo cáo kỳ này của Đơn vị 1 lúc 10:30 24/11/2026 (qua web).',
    );
    const r = (await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W48'))!;
    expect(r).toMatchObject({ revision: 1, submittedVia: 'web' });
    expect((await getReportValues(h.t.db, r.id)).map((v) => v.value)).toEqual([2, 3]);
  });
});
