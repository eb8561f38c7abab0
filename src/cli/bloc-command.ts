// `npm run cli -- bloc list`: every bloc with the id the other commands' --bloc takes.

import { countActiveBlocChats } from '../db/bloc-chats.js';
import { getBlocYear } from '../db/bloc-years.js';
import { listBlocsById } from '../db/blocs.js';
import { localDateOf } from '../core/time.js';
import { getUnit, listMemberUnits } from '../db/units.js';
import type { CliCommand } from './commands.js';
import { CliError, parseOptions } from './context.js';
import { rosterText as m } from './messages.js';
import { formatTable } from './table.js';

export const blocCommand: CliCommand = {
  name: 'bloc',
  usage: m.blocUsage,
  async run(ctx, args) {
    const { positional } = parseOptions(args);
    if (positional[0] !== 'list' || positional.length > 1) throw new CliError(m.blocCommand);
    const today = localDateOf(ctx.now(), ctx.config.timeZone);
    const year = Number(today.slice(0, 4));
    const blocs = await listBlocsById(ctx.db);
    if (blocs.length === 0) return ctx.out(m.noBlocs);
    const rows: string[][] = [];
    for (const b of blocs) {
      const members = await listMemberUnits(ctx.db, b.id, today);
      const term = await getBlocYear(ctx.db, b.id, year);
      const chair = term ? await getUnit(ctx.db, term.chairUnitId) : undefined;
      const groups = await countActiveBlocChats(ctx.db, b.id);
      rows.push([
        String(b.id),
        `${b.name}${b.isDemo ? m.demo : ''}`,
        b.province,
        String(members.length),
        chair?.name ?? '–',
        m.groups(groups),
      ]);
    }
    for (const line of formatTable(m.blocHeaders, rows)) ctx.out(line);
    ctx.out('');
    ctx.out(m.blocHint);
  },
};
