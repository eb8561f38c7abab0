// A neutral message as an HTML e-mail body: one centred table 600 pixels wide, inline styles and
// bgcolor attributes only (Outlook's Word engine ignores <style> blocks, flexbox and most CSS),
// nothing loaded from outside (no images, fonts or stylesheets), every text escaped. Pure.

import { progressBar } from '../core/progress-bar.js';
import type { MessageBlock, MessageFigure, OutboundMessage } from '../core/outbound-message.js';

const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#1f2933;';
const MUTED = 'color:#52606d;font-size:13px;';

/** Text as HTML: &, <, >, quotes escaped; line breaks kept as <br>. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(/\n/g, '<br>');
}

/** A progress bar Outlook draws: a one-row table whose first cell is filled to the share. */
function bar(progress: number): string {
  // The bar stops at full; the figure says how far past the target (107%).
  const shown = Math.max(0, Math.round(progress * 100));
  const pct = Math.min(100, shown);
  const filled =
    pct === 0
      ? ''
      : `<td width="${pct}%" bgcolor="#2f7d4f" style="background:#2f7d4f;height:8px;font-size:0;line-height:0;">&nbsp;</td>`;
  const rest =
    pct === 100
      ? ''
      : `<td bgcolor="#d9e2ec" style="background:#d9e2ec;height:8px;font-size:0;line-height:0;">&nbsp;</td>`;
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin-top:4px;" title="${escapeHtml(progressBar(progress))}"><tr>${filled}${rest}</tr></table><span style="${MUTED}">${shown}%</span>`;
}

function figureRows(f: MessageFigure, labelAbove: boolean): string {
  const cell = 'padding:6px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top;font-size:14px;';
  const value = `${escapeHtml(f.value)}${f.progress === undefined ? '' : bar(f.progress)}`;
  if (labelAbove) return `<tr><td style="${cell}"><strong>${escapeHtml(f.label)}</strong><br>${value}</td></tr>`;
  return `<tr><td style="${cell}">${escapeHtml(f.label)}</td><td style="${cell}text-align:right;white-space:nowrap;"><strong>${value}</strong></td></tr>`;
}

function blockHtml(b: MessageBlock): string {
  if (b.kind === 'paragraph')
    return `<p style="margin:0 0 14px;font-size:15px;line-height:1.5;">${escapeHtml(b.text)}</p>`;
  const heading =
    b.heading === undefined
      ? ''
      : `<p style="margin:0 0 6px;font-size:15px;font-weight:bold;">${escapeHtml(b.heading)}</p>`;
  const rows = b.figures.map((f) => figureRows(f, b.labelsAbove === true)).join('');
  return `${heading}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 16px;${FONT}">${rows}</table>`;
}

/** A link drawn as a button that Outlook shows too (a filled table cell around the link). */
export function buttonHtml(label: string, url: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:4px 0 10px;"><tr><td bgcolor="#1d4ed8" style="background:#1d4ed8;border-radius:4px;padding:10px 18px;"><a href="${escapeHtml(url)}" style="color:#ffffff;text-decoration:none;font-weight:bold;font-size:15px;${FONT.replace('color:#1f2933;', '')}">${escapeHtml(label)}</a></td></tr></table>`;
}

/** The whole document: the title, the blocks, what the channel adds (the link), then the footer. */
export function emailHtml(
  message: OutboundMessage,
  opts: { subject: string; actionsHtml: string; footer: string },
): string {
  const blocks = message.blocks.map(blockHtml).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="vi"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(opts.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f5f7fa;${FONT}">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f5f7fa" style="background:#f5f7fa;"><tr><td align="center" style="padding:16px 8px;">',
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:100%;max-width:600px;background:#ffffff;border:1px solid #e4e7eb;${FONT}">`,
    `<tr><td bgcolor="#8b1a1a" style="background:#8b1a1a;color:#ffffff;padding:14px 20px;font-size:17px;font-weight:bold;">${escapeHtml(message.title)}</td></tr>`,
    `<tr><td style="padding:20px;">${blocks}${opts.actionsHtml}</td></tr>`,
    `<tr><td style="padding:12px 20px;border-top:1px solid #e4e7eb;${MUTED}">${escapeHtml(opts.footer)}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('\n');
}
