import type { Telegram } from 'telegraf';
import { COMMAND_MENU, GROUP_COMMAND_MENU } from '../conversation/messages.js';

/** Sets the command menu with Vietnamese descriptions: the full one by default, help in groups. */
export async function setCommandMenu(telegram: Telegram): Promise<void> {
  await telegram.setMyCommands(COMMAND_MENU);
  await telegram.setMyCommands(GROUP_COMMAND_MENU, { scope: { type: 'all_group_chats' } });
}
