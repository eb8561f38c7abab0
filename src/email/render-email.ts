// A neutral message (src/core/outbound-message.ts) in e-mail form: one part with a subject that
// says bloc, period and what is asked, a plain-text body and an HTML body (email-html.ts). A
// reminder carries the recipient's own personal link from the RenderContext, which the worker
// finds from the row's own address at send time; a message never holds another person's link.

import type { OutboundMessage } from '../core/outbound-message.js';
import { plainText } from '../core/plain-text.js';
import type { RenderContext } from '../delivery/channel.js';
import { buttonHtml, emailHtml, escapeHtml } from './email-html.js';
import { emailText as t } from './messages.js';

export interface EmailPart {
  subject: string;
  text: string;
  html: string;
}

const SUBJECT_MAX = 200;

/**
 * One header line: control characters and line breaks become spaces, so a bloc's or a person's
 * name can never end the Subject header and start another (nodemailer also encodes it).
 */
export function headerText(s: string): string {
  const one = s
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return one.length > SUBJECT_MAX ? `${one.slice(0, SUBJECT_MAX - 1)}…` : one;
}

/** The message's own subject, or for a row queued before subjects existed, its title and topic. */
function subjectOf(message: OutboundMessage): string {
  if (message.subject) return headerText(message.subject);
  const title = message.title.replace(/^[^\p{L}\p{N}[]+/u, '');
  return headerText(`${title} ${t.topicSubject[message.topic]}`);
}

/** What the message asks the reader to do, as text and as HTML. */
function actions(message: OutboundMessage, context: RenderContext): { text: string; html: string } {
  const kinds = new Set(message.actions.map((a) => a.kind));
  const wantsReport = kinds.has('sendReport') || kinds.has('openPersonalLink');
  if (!wantsReport) return { text: '', html: '' };
  const link = context.personalLink;
  if (!link) return { text: t.noLink, html: `<p style="margin:0 0 14px;font-size:15px;">${escapeHtml(t.noLink)}</p>` };
  const nil = kinds.has('nilReport') ? [t.nilHint] : [];
  const text = [t.reportLinkLead, link, ...nil, t.linkIsPersonal].join('\n');
  const small = (s: string) => `<p style="margin:0 0 10px;font-size:13px;color:#52606d;">${escapeHtml(s)}</p>`;
  const html = [
    `<p style="margin:0 0 6px;font-size:15px;">${escapeHtml(t.reportLinkLead)}</p>`,
    buttonHtml(t.reportButton, link),
    small(link),
    ...nil.map(small),
    small(t.linkIsPersonal),
  ].join('');
  return { text, html };
}

/** The e-mail of a message: always one part (a mail has no length limit worth splitting for). */
export function renderEmail(message: OutboundMessage, context: RenderContext): EmailPart[] {
  const subject = subjectOf(message);
  const act = actions(message, context);
  const text = [plainText(message), act.text, `--\n${t.footer}`].filter((s) => s !== '').join('\n\n');
  const html = emailHtml(message, { subject, actionsHtml: act.html, footer: t.footer });
  return [{ subject, text, html }];
}
