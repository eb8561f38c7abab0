// A neutral message as plain text: what a text-only channel starts from (Telegram adds buttons
// and splits it under its limit), what the admin page stores of a digest and what the CLI prints.
// Pure.

import type { MessageBlock, MessageFigure, OutboundMessage } from './outbound-message.js';
import { progressBar } from './progress-bar.js';

// Values and bars under a label standing on its own line are indented by three spaces.
const INDENT = '   ';

function figureLines(f: MessageFigure, labelAbove: boolean): string {
  const bar = f.progress === undefined ? null : progressBar(f.progress);
  if (labelAbove) return [f.label, `${INDENT}${f.value}`, ...(bar ? [`${INDENT}${bar}`] : [])].join('\n');
  return `${f.label}: ${f.value}${bar ? ` ${bar}` : ''}`;
}

function blockText(b: MessageBlock): string {
  if (b.kind === 'paragraph') return b.text;
  const lines = b.figures.map((f) => figureLines(f, b.labelsAbove === true));
  return [...(b.heading === undefined ? [] : [b.heading]), ...lines].join('\n');
}

/**
 * The sections of the text, to be joined by a blank line: the title heads the first block, except
 * in an announcement, a letter whose heading stands apart from the admin's own words.
 */
export function plainTextSections(message: OutboundMessage): string[] {
  const blocks = message.blocks.map(blockText);
  if (message.topic === 'announcement' || blocks.length === 0) return [message.title, ...blocks];
  const [first, ...rest] = blocks;
  return [`${message.title}\n${first}`, ...rest];
}

/** The whole message as plain text, its blocks set apart by a blank line. */
export function plainText(message: OutboundMessage): string {
  return plainTextSections(message).join('\n\n');
}
