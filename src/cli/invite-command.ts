// `npm run cli -- invite ...`: creates a one-time deep link for a focal point or a bloc's group.
import { formatDateTimeVi } from '../core/time.js';
import { writeAudit } from '../db/audit-log.js';
import { getFocalPoint } from '../db/focal-points.js';
import { createInvite, expireInvitesOf, INVITE_TTL_DAYS, inviteLink } from '../db/invites.js';
import { getUnit } from '../db/units.js';
import { resolveBlocOption } from './bloc-option.js';
import type { CliCommand } from './commands.js';
import { type CliContext, CliError, parseOptions } from './context.js';
import { zaloInviteText as zt } from './messages.js';

const USAGE =
  'invite focal-point --id ID [--channel telegram|zalo] | invite group --bloc ID  [--days 14] [--bot TEN_BOT]   tạo liên kết mời dùng một lần (mã: focal-point list, bloc list)';

/** The bot's @username: from --bot, else asked from Telegram with the configured token. */
async function botUsernameFor(ctx: CliContext, given: string | undefined): Promise<string> {
  if (given) {
    const name = given.replace(/^@/, '');
    if (!/^[A-Za-z0-9_]{5,32}$/.test(name))
      throw new CliError('--bot: tên bot gồm 5–32 ký tự A-Z, a-z, 0-9 và _, ví dụ khoithidua6_bot');
    return name;
  }
  const { token } = ctx.config.telegram;
  if (!token || !ctx.askBotUsername)
    throw new CliError('Chưa đặt TELEGRAM_BOT_TOKEN: xin thêm --bot TEN_BOT (tên bot do BotFather cấp).');
  try {
    return await ctx.askBotUsername({ ...ctx.config.telegram, token });
  } catch (error) {
    throw new CliError(`Không hỏi được tên bot từ Telegram (${(error as Error).message}); xin thêm --bot TEN_BOT.`);
  }
}

function positiveDays(value: string | undefined): number {
  if (value === undefined) return INVITE_TTL_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 90) throw new CliError('--days: số ngày hiệu lực từ 1 đến 90');
  return days;
}

function idOption(value: string | undefined, name: string): number {
  const id = Number(value);
  if (!value || !Number.isInteger(id) || id < 1) throw new CliError(`--${name}: cần mã số (số nguyên dương)`);
  return id;
}

export const inviteCommand: CliCommand = {
  name: 'invite',
  usage: USAGE,
  async run(ctx, args) {
    const { positional, options } = parseOptions(args);
    const kind = positional[0];
    if (kind !== 'focal-point' && kind !== 'group') throw new CliError(`Dùng: ${USAGE}`);
    const ttlDays = positiveDays(options.days);
    const channel = options.channel ?? 'telegram';
    if (channel !== 'telegram' && channel !== 'zalo') throw new CliError(zt.badChannel);
    if (channel === 'zalo' && kind === 'group') throw new CliError(zt.noGroups);
    const now = ctx.now();
    let heading: string;
    let advice: string;
    let target: { focalPointId?: number; blocId?: number; auditBloc: number | null; name?: string };
    if (kind === 'focal-point') {
      const focalPoint = await getFocalPoint(ctx.db, idOption(options.id, 'id'));
      if (!focalPoint)
        throw new CliError(
          `Không có cán bộ đầu mối mã ${options.id}. Xem mã cán bộ: npm run cli -- focal-point list --bloc <mã khối>`,
        );
      if (focalPoint.status === 'left')
        throw new CliError(`Cán bộ ${focalPoint.fullName} đã thôi làm đầu mối; không tạo liên kết.`);
      const unit = await getUnit(ctx.db, focalPoint.unitId);
      heading = `cho cán bộ đầu mối ${focalPoint.fullName} (${unit?.name ?? `đơn vị ${focalPoint.unitId}`})`;
      advice = `Gửi liên kết này riêng cho đồng chí ${focalPoint.fullName}; mở liên kết trên điện thoại có Telegram rồi bấm Start. Mỗi liên kết chỉ dùng một lần.`;
      target = { focalPointId: focalPoint.id, auditBloc: null, name: focalPoint.fullName };
    } else {
      const bloc = await resolveBlocOption(ctx.db, options.bloc);
      heading = `nhóm cho ${bloc.name}`;
      advice =
        'Quản trị viên nhóm Telegram của Khối mở liên kết này, chọn nhóm để thêm bot; bot sẽ xác nhận trong nhóm. Mỗi liên kết chỉ dùng một lần.';
      target = { blocId: bloc.id, auditBloc: bloc.id };
    }
    // Zalo links by a code typed to the bot: no bot username is needed (docs/zalo.md).
    const username = channel === 'zalo' ? '' : await botUsernameFor(ctx, options.bot);
    const { invite, replaced } = await ctx.db.transaction().execute(async (trx) => {
      // Like the admin's "new invite": only the newest link of a focal point works.
      const replaced = target.focalPointId === undefined ? 0 : await expireInvitesOf(trx, target.focalPointId, now);
      const created = await createInvite(trx, {
        kind: kind === 'group' ? 'group' : 'focal_point',
        focalPointId: target.focalPointId,
        blocId: target.blocId,
        createdBy: 'cli',
        now,
        ttlDays,
      });
      await writeAudit(trx, {
        at: now,
        actor: 'cli',
        action: 'invite.create',
        entity: 'invite',
        entityId: created.id,
        blocId: target.auditBloc,
        details: {
          kind: created.kind,
          focalPointId: created.focalPointId,
          expiresAt: created.expiresAt,
          replaced,
          ...(channel === 'zalo' ? { channel } : {}),
        },
      });
      return { invite: created, replaced };
    });
    const until = formatDateTimeVi(new Date(invite.expiresAt), ctx.config.timeZone);
    if (channel === 'zalo') {
      ctx.out(zt.created(heading, until));
      ctx.out(zt.typed(invite.code));
      ctx.out(zt.advice(target.name ?? ''));
      ctx.out(ctx.config.zalo.botUrl ? zt.botLink(ctx.config.zalo.botUrl) : zt.noBotLink);
      if (replaced > 0) ctx.out(`${replaced} liên kết mời cũ chưa dùng của đồng chí này đã hết hiệu lực.`);
      return;
    }
    ctx.out(
      `Đã tạo liên kết mời ${heading}, hiệu lực đến ${formatDateTimeVi(new Date(invite.expiresAt), ctx.config.timeZone)}:`,
    );
    ctx.out(inviteLink(username, invite));
    ctx.out(advice);
    if (replaced > 0) ctx.out(`${replaced} liên kết mời cũ chưa dùng của đồng chí này đã hết hiệu lực.`);
  },
};
