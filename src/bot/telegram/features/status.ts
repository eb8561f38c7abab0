// /trangthai: the unit's status use case (src/reporting/status.ts), rendered in the bot's words.
import { Composer, type Context } from 'telegraf';
import { unitStatus } from '../../../reporting/status.js';
import type { BotDeps } from '../deps.js';
import { statusText } from '../../conversation/status-text.js';
import { reply } from '../reply.js';
import { activeOf } from '../session.js';

export function statusFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.command('trangthai', async (ctx) => {
    const { bloc, unit } = activeOf(ctx);
    const now = deps.now();
    const status = await unitStatus(deps.db, { bloc, unit }, { now, timeZone: deps.timeZone });
    await reply(ctx, statusText(status, { unitName: unit.name, blocName: bloc.name }, now, deps.timeZone));
  });
  return feature;
}
