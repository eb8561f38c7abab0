// A message the product sends on its own initiative (reminder, escalation, digest, announcement,
// summary notice), as data every channel can render: no markup, no keyboard, no length limit.
// Each channel (src/bot/telegram, later src/bot/zalo and src/email) turns it into its platform's
// form at send time: buttons or numbered choices for the actions, HTML or plain text, parts under
// its own length limit (docs/decisions/0090-channels.md). Pure.

/** Something the reader can do from the message; each channel offers it its own way. */
export type MessageAction =
  /** Start (or resume) the report of this period. */
  | { kind: 'sendReport'; periodKey: string }
  /** Record "nothing new this period" for this period in one step. */
  | { kind: 'nilReport'; periodKey: string }
  /** Open the reader's own personal report link (the channel knows whose it is). */
  | { kind: 'openPersonalLink' };

/** What the message is about, for a channel's choices (an e-mail subject, a notification's tone). */
export type MessageTopic = 'reminder' | 'escalation' | 'digest' | 'announcement' | 'summary';

/** One figure of a table-like block: a digest's criterion against its target, say. */
export interface MessageFigure {
  label: string;
  value: string;
  /** How far the value has come towards its target (0.52), when it has one: a channel may draw a bar. */
  progress?: number;
}

/** A block of the body. A channel splits a long message only between blocks (or inside a block
 * that alone exceeds its limit), so a block is what stays together. A paragraph's line breaks are
 * kept: a salutation above its request, a list of units, one line per group of units. */
export type MessageBlock =
  | { kind: 'paragraph'; text: string }
  | {
      kind: 'figures';
      heading?: string;
      figures: MessageFigure[];
      /** Each label on a line of its own above its value: long labels, as a digest's criteria. */
      labelsAbove?: boolean;
    };

export interface OutboundMessage {
  topic: MessageTopic;
  /** The first line: '[Khối thi đua số 6]' or a digest's heading. */
  title: string;
  /** The message in one line, saying bloc, period and what is asked, for a channel that shows one
   * apart from the body (an e-mail's subject). Text channels ignore it; older rows lack it. */
  subject?: string;
  blocks: MessageBlock[];
  actions: MessageAction[];
}

/** A paragraph block. */
export const paragraph = (text: string): MessageBlock => ({ kind: 'paragraph', text });
