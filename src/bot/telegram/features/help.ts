import { Composer, type Context } from 'telegraf';
import { M } from '../../conversation/messages.js';
import { reply } from '../reply.js';

/** /trogiup in a private chat, for anyone (linked or not). */
export function helpFeature(): Composer<Context> {
  const feature = new Composer<Context>();
  feature.command('trogiup', (ctx) => reply(ctx, M.help));
  return feature;
}
