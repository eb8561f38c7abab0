// The text of an admin's broadcast as the recipients see it: the bloc's name on top, the message,
// the sender's name below. Kept within one Telegram message (4096 characters).

/** Longest message an admin may type: leaves room for the header and the signature. */
export const BROADCAST_MAX_CHARS = 3500;

/** Longest header and signature names kept, so the whole text always fits one message. */
const NAME_MAX = 200;

function clip(name: string): string {
  return name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name;
}

/** The message sent for a broadcast: '[<bloc>]', a blank line, the text, a blank line, '— <sender>'. */
export function broadcastMessage(blocName: string, text: string, senderName: string): string {
  return `[${clip(blocName)}]\n\n${text}\n\n— ${clip(senderName)}`;
}
