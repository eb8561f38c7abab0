// `npm run cli -- summary …`: digests, mid-year and annual summaries and their documents on
// demand, and the admin's scoring entries and digest schedule, from the shell.

import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { periodFromKey, type ReportingPeriod } from '../core/periods.js';
import { isValidIsoDate, localDateOf } from '../core/time.js';
import { getDigestSchedule } from '../db/digests.js';
import { reportsOfYear } from '../db/figures.js';
import { publishPeriodDigest } from '../jobs/digest-jobs.js';
import { cliRunningChannels } from './running-channels.js';
import type { SummaryKind } from '../core/digest-schedule.js';
import { type BlocSummary, computeBlocSummary, SummaryError } from '../summaries/bloc-summary.js';
import { reportsCsv } from '../summaries/csv/reports-csv.js';
import { summaryReportDocx } from '../summaries/docx/summary-report.js';
import { cliText as m, WEEKDAY_NAMES } from '../summaries/messages.js';
import { computePeriodDigest } from '../summaries/period-digest.js';
import { updateDigestSchedule } from '../summaries/schedule-entries.js';
import { recordAssessment, recordScoreAdjustment, type EntryResult } from '../summaries/score-entries.js';
import { summaryNoticeMessage } from '../core/summary-text.js';
import { plainText } from '../core/plain-text.js';
import { summaryWorkbook } from '../summaries/xlsx/summary-workbook.js';
import { resolveBlocOption } from './bloc-option.js';
import type { CliCommand } from './commands.js';
import { type CliContext, CliError, parseOptions } from './context.js';
import { describePublish } from './publish-report.js';

function intOption(options: Record<string, string>, name: string): number {
  const v = options[name];
  const n = Number(v);
  if (v === undefined || v === 'true' || !Number.isInteger(n) || n <= 0) throw new CliError(m.needInt(name));
  return n;
}

function requireBloc(ctx: CliContext, options: Record<string, string>) {
  return resolveBlocOption(ctx.db, options.bloc);
}

function unwrap<T>(r: EntryResult<T>): T {
  if (!r.ok) throw new CliError(r.errors.join('\n'));
  return r.value;
}

async function summary(ctx: CliContext, kind: SummaryKind, options: Record<string, string>): Promise<void> {
  const bloc = await requireBloc(ctx, options);
  const year = intOption(options, 'year');
  const now = ctx.now();
  const tz = ctx.config.timeZone;
  let s: BlocSummary;
  try {
    s = await computeBlocSummary(ctx.db, bloc.id, { kind, year, asOf: now, timeZone: tz });
  } catch (error) {
    if (error instanceof SummaryError) throw new CliError(error.message);
    throw error;
  }
  const out = options.out;
  if (out === undefined || out === 'true') return ctx.out(plainText(summaryNoticeMessage(s)));
  const ext = extname(out).toLowerCase();
  if (ext === '.docx') {
    const date = options.date ?? localDateOf(now, tz);
    if (!isValidIsoDate(date)) throw new CliError(m.badDate(date));
    writeFileSync(out, await summaryReportDocx(s, { date }));
  } else if (ext === '.xlsx') {
    writeFileSync(out, await summaryWorkbook(s, await reportsOfYear(ctx.db, bloc, year, tz), tz));
  } else if (ext === '.csv') {
    writeFileSync(out, reportsCsv(s, await reportsOfYear(ctx.db, bloc, year, tz), tz), 'utf8');
  } else throw new CliError(m.badExt(out));
  ctx.out(m.written(out));
}

async function digest(ctx: CliContext, options: Record<string, string>): Promise<void> {
  const bloc = await requireBloc(ctx, options);
  const key = options.week ?? options.period;
  if (!key || key === 'true') throw new CliError(m.needPeriod);
  let period: ReportingPeriod;
  try {
    period = periodFromKey(key);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (period.kind !== bloc.reportingCadence) throw new CliError(m.wrongCadence(key, bloc.reportingCadence));
  const now = ctx.now();
  if (options.send === 'true') {
    // Sending by hand computes again a stored digest none of whose messages has gone out (decision 0074).
    const deps = { db: ctx.db, timeZone: ctx.config.timeZone, channels: cliRunningChannels(ctx.config) };
    const r = await publishPeriodDigest(deps, bloc.id, period, now, { recompute: { actor: 'cli' } });
    for (const line of await describePublish(ctx.db, r, { now, timeZone: ctx.config.timeZone })) ctx.out(line);
    return;
  }
  const d = await computePeriodDigest(ctx.db, bloc.id, period, { timeZone: ctx.config.timeZone, now });
  ctx.out(d.text);
}

async function adjust(ctx: CliContext, options: Record<string, string>): Promise<void> {
  const bloc = await requireBloc(ctx, options);
  const kind = options.bonus !== undefined ? 'bonus' : options.deduction !== undefined ? 'deduction' : null;
  if (!kind) throw new CliError(m.needPoints);
  const a = unwrap(
    await recordScoreAdjustment(
      ctx.db,
      {
        blocId: bloc.id,
        unitId: intOption(options, 'unit'),
        year: intOption(options, 'year'),
        kind,
        points: options[kind] ?? '',
        reason: options.reason ?? '',
      },
      { name: 'cli' },
      ctx.now(),
    ),
  );
  ctx.out(m.adjusted(a.kind, a.points, a.id));
}

async function assess(ctx: CliContext, options: Record<string, string>): Promise<void> {
  const bloc = await requireBloc(ctx, options);
  const r = unwrap(
    await recordAssessment(
      ctx.db,
      {
        blocId: bloc.id,
        unitId: intOption(options, 'unit'),
        year: intOption(options, 'year'),
        criterionCode: options.criterion ?? '',
        met: options.met ?? '',
        note: options.note ?? null,
      },
      { name: 'cli' },
      ctx.now(),
    ),
  );
  ctx.out(m.assessed(r.met));
}

async function schedule(ctx: CliContext, options: Record<string, string>): Promise<void> {
  const bloc = await requireBloc(ctx, options);
  const input = {
    enabled: options.enabled,
    weekday: options.weekday,
    time: options.time,
    midYearOn: options['mid-year'],
    annualOn: options.annual,
    summaryTime: options['summary-time'],
  };
  const changed = Object.values(input).some((v) => v !== undefined);
  const s = changed
    ? unwrap(await updateDigestSchedule(ctx.db, bloc.id, input, { name: 'cli' }, ctx.now()))
    : await getDigestSchedule(ctx.db, bloc.id);
  ctx.out(m.schedule(bloc.name, s, WEEKDAY_NAMES[s.digestWeekday] ?? ''));
}

export const summaryCommand: CliCommand = {
  name: 'summary',
  usage: m.usage,
  async run(ctx, args) {
    const { positional, options } = parseOptions(args);
    switch (positional[0]) {
      case 'annual':
        return summary(ctx, 'annual', options);
      case 'mid-year':
        return summary(ctx, 'mid_year', options);
      case 'digest':
        return digest(ctx, options);
      case 'adjust':
        return adjust(ctx, options);
      case 'assess':
        return assess(ctx, options);
      case 'schedule':
        return schedule(ctx, options);
      default:
        throw new CliError(m.usage);
    }
  },
};
