// An admin's broadcast as the recipients see it: the bloc's name on top, the message, the
// sender's name below. Pure.

import { type OutboundMessage, paragraph } from './outbound-message.js';

/** Longest message an admin may type (an input rule): with the names below, an announcement is at most ~3,900 characters. */
export const BROADCAST_MAX_CHARS = 3500;

/** Longest header and signature names kept, so an announcement's length stays bounded by what the admin typed. */
const NAME_MAX = 200;

function clip(name: string): string {
  return name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name;
}

/** The announcement of a broadcast: '[<bloc>]' as its heading, the admin's text, then '— <sender>'. */
export function broadcastMessage(blocName: string, text: string, senderName: string): OutboundMessage {
  return {
    topic: 'announcement',
    title: `[${clip(blocName)}]`,
    subject: `[${clip(blocName)}] Thông báo của ${clip(senderName)}`,
    blocks: [paragraph(text), paragraph(`— ${clip(senderName)}`)],
    actions: [],
  };
}
