import { type Context, Hono } from 'hono';
import { getBlocChatOfBloc, listBlocChats, openGroupInvites } from '../../db/bloc-chat-admin.js';
import { deactivateBlocChat } from '../../db/bloc-chats.js';
import { createInvite, expireInvite, inviteLink } from '../../db/invites.js';
import { failQueuedOutboxForAddress } from '../../db/outbox-admin.js';
import { canEditBloc, currentAdmin, notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { inviteQrDataUrl } from '../focal-points/invite-qr.js';
import { applyChange } from '../http/change.js';
import { groupsText as t } from '../messages.js';
import { GroupPage, type GroupInviteView } from './group-page.js';

/** The group link named in the path, looked up within the bloc (another bloc's is a 404). */
async function loadChat(c: Context<AdminEnv>) {
  const raw = c.req.param('chatId') ?? '';
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const chat = id ? await getBlocChatOfBloc(c.get('deps').db, c.get('bloc').id, id) : undefined;
  if (!chat) notFound();
  return chat;
}

/**
 * /blocs/:blocId/delivery/groups: the bloc's linked Telegram groups (where digests and broadcasts
 * go), a group invite as link and QR code, and stopping a group. Invites are shown to editors only:
 * a link lets whoever holds it attach a group to the bloc.
 */
export function groupRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const { db, now, timeZone, botUsername } = c.get('deps');
    const bloc = c.get('bloc');
    const canEdit = canEditBloc(currentAdmin(c), bloc.id);
    const invites: GroupInviteView[] = [];
    if (canEdit) {
      const username = botUsername?.();
      for (const [i, invite] of (await openGroupInvites(db, bloc.id, now())).entries()) {
        const link = username ? inviteLink(username, invite) : null;
        // Only the newest gets a QR code: it is the one just created, the one to show or print.
        invites.push({ invite, link, qr: link && i === 0 ? await inviteQrDataUrl(link) : null });
      }
    }
    return c.render(
      <GroupPage
        blocId={bloc.id}
        blocName={bloc.name}
        chats={await listBlocChats(db, bloc.id)}
        invites={invites}
        canEdit={canEdit}
        timeZone={timeZone}
      />,
      { title: `${t.title} · ${bloc.name}` },
    );
  });

  app.post('/invite', async (c) => {
    const bloc = c.get('bloc');
    const admin = currentAdmin(c);
    const now = c.get('deps').now();
    await applyChange(c, async (trx, audit) => {
      const invite = await createInvite(trx, { kind: 'group', blocId: bloc.id, createdBy: admin.username, now });
      await audit({
        action: 'bloc_chat.invite',
        entity: 'invite',
        entityId: invite.id,
        blocId: bloc.id,
        details: { expiresAt: invite.expiresAt },
      });
    });
    return c.redirect(`/blocs/${bloc.id}/delivery/groups?ok=groupInviteCreated#invite`, 303);
  });

  // A leaked link lets whoever holds it attach their own group to the bloc: editors can end it.
  app.post('/invites/:inviteId/revoke', async (c) => {
    const bloc = c.get('bloc');
    const { db, now } = c.get('deps');
    const raw = c.req.param('inviteId') ?? '';
    const at = now();
    const invite = (await openGroupInvites(db, bloc.id, at)).find((i) => String(i.id) === raw);
    if (!invite) notFound();
    await applyChange(c, async (trx, audit) => {
      await expireInvite(trx, invite.id, at);
      await audit({ action: 'bloc_chat.invite_revoke', entity: 'invite', entityId: invite.id, blocId: bloc.id });
    });
    return c.redirect(`/blocs/${bloc.id}/delivery/groups?ok=groupInviteRevoked#invite`, 303);
  });

  app.post('/:chatId/deactivate', async (c) => {
    const chat = await loadChat(c);
    const bloc = c.get('bloc');
    if (chat.active) {
      await applyChange(c, async (trx, audit) => {
        await deactivateBlocChat(trx, chat.telegramChatId);
        // Digests and announcements already queued for the group must not go out after it was stopped.
        await failQueuedOutboxForAddress(
          trx,
          { channel: 'telegram', address: chat.telegramChatId },
          'chat_stopped',
          'group stopped by an admin',
        );
        await audit({
          action: 'bloc_chat.deactivate',
          entity: 'bloc_chat',
          entityId: chat.id,
          blocId: bloc.id,
          details: { title: chat.title, telegramChatId: chat.telegramChatId },
        });
      });
    }
    return c.redirect(`/blocs/${bloc.id}/delivery/groups?ok=groupDeactivated`, 303);
  });

  return app;
}
