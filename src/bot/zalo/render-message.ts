// A neutral message (src/core/outbound-message.ts) in Zalo's form: plain text only (no buttons,
// no markup), within 2,000 characters a message, split between blocks where possible into
// numbered parts (the same deterministic split as Telegram's, decision 0091). The actions become
// lines telling what to type, on the last part, since a Zalo message carries no buttons.

import { actionLabels } from '../../core/action-labels.js';
import type { MessageAction, OutboundMessage } from '../../core/outbound-message.js';
import { plainTextSections } from '../../core/plain-text.js';
import type { RenderContext } from '../../delivery/channel.js';
import { splitSections } from '../conversation/split-sections.js';
import { COMMANDS, choiceLine, ZALO_TEXT_LIMIT } from './typed-commands.js';

/** One sendMessage body without its chat_id. */
export interface ZaloTextPart {
  text: string;
}

function choice(action: MessageAction, context: RenderContext): string | null {
  const label = actionLabels[action.kind].replace(/^\p{Extended_Pictographic}\s*/u, '');
  switch (action.kind) {
    case 'sendReport':
      return choiceLine(`/${COMMANDS.report}`, label);
    case 'nilReport':
      return choiceLine(`/${COMMANDS.nil} ${action.periodKey}`, label);
    case 'openPersonalLink':
      return context.personalLink ? `• ${label}: ${context.personalLink}` : null;
  }
}

/** The parts to send, in order; the typed choices close the last one. */
export function renderZaloMessage(message: OutboundMessage, context: RenderContext): ZaloTextPart[] {
  const choices = message.actions.flatMap((a) => {
    const line = choice(a, context);
    return line ? [line] : [];
  });
  const sections = [...plainTextSections(message), ...(choices.length > 0 ? [choices.join('\n')] : [])];
  return splitSections(sections, ZALO_TEXT_LIMIT).map((text) => ({ text }));
}
