import { Composer, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import { M } from '../../conversation/messages.js';
import { reply } from '../reply.js';

/** Last in line: what no feature took gets a short, helpful answer. */
export function fallbackFeature(): Composer<Context> {
  const feature = new Composer<Context>();
  feature.on(message('text'), (ctx) => reply(ctx, ctx.message.text.startsWith('/') ? M.unknownCommand : M.hint));
  feature.on('callback_query', (ctx) => ctx.answerCbQuery(M.stale));
  feature.on('message', (ctx) => reply(ctx, `${M.unsupportedMessage} ${M.hint}`));
  return feature;
}
