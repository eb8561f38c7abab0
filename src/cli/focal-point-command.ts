// `npm run cli -- focal-point list --bloc ID`: the bloc's focal points with the ids `invite
// focal-point --id` takes, their unit's id (`--unit`) and whether their Telegram is linked.

import { localDateOf } from '../core/time.js';
import { listFocalPointsOfBloc } from '../db/focal-point-admin.js';
import { listMembershipRows } from '../db/units.js';
import type { FocalPoint } from '../db/focal-points.js';
import { resolveBlocOption } from './bloc-option.js';
import type { CliCommand } from './commands.js';
import { CliError, parseOptions } from './context.js';
import { rosterText as m } from './messages.js';
import { formatTable } from './table.js';

function telegramOf(fp: FocalPoint): string {
  if (fp.status === 'left') return m.left;
  return fp.telegramChatId ? m.linked(fp.telegramUsername) : m.notLinked;
}

export const focalPointCommand: CliCommand = {
  name: 'focal-point',
  usage: m.fpUsage,
  async run(ctx, args) {
    const { positional, options } = parseOptions(args);
    if (positional[0] !== 'list' || positional.length > 1) throw new CliError(m.fpCommand);
    const bloc = await resolveBlocOption(ctx.db, options.bloc);
    const today = localDateOf(ctx.now(), ctx.config.timeZone);
    // A unit may have left and joined again: its latest membership says whether it is a member today.
    const units = new Map<number, { name: string; current: boolean }>();
    for (const r of await listMembershipRows(ctx.db, bloc.id)) {
      const current = r.joinedOn <= today && (r.leftOn === null || r.leftOn >= today);
      const known = units.get(r.unitId);
      units.set(r.unitId, { name: r.name, current: current || (known?.current ?? false) });
    }
    ctx.out(m.fpTitle(bloc.name, bloc.id));
    if (units.size === 0) return ctx.out(m.noUnits);
    const byUnit = new Map<number, FocalPoint[]>();
    for (const fp of await listFocalPointsOfBloc(ctx.db, bloc.id)) {
      byUnit.set(fp.unitId, [...(byUnit.get(fp.unitId) ?? []), fp]);
    }
    const rows: string[][] = [];
    for (const [unitId, unit] of units) {
      const unitName = `${unit.name}${unit.current ? '' : m.unitLeft}`;
      const fps = byUnit.get(unitId) ?? [];
      if (fps.length === 0) rows.push(['–', m.noFocalPoint, String(unitId), unitName, '–']);
      for (const fp of fps) {
        const name = `${fp.fullName}${fp.role === 'unit_head' ? m.unitHead : ''}`;
        rows.push([String(fp.id), name, String(unitId), unitName, telegramOf(fp)]);
      }
    }
    for (const line of formatTable(m.fpHeaders, rows)) ctx.out(line);
    ctx.out('');
    ctx.out(m.fpHint);
  },
};
