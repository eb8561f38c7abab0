// Every Vietnamese text of the admin pages (polite administrative register): one catalogue,
// kept in a file per group of pages under messages/.

export * from './messages/shell.js';
export * from './messages/roster.js';
export * from './messages/bloc-year.js';
export * from './messages/reports.js';
export * from './messages/schedule.js';
export * from './messages/telegram.js';
export * from './messages/summaries.js';
export * from './messages/accounts.js';
export * from './messages/personal-links.js';
export * from './messages/contact-addresses.js';
export * from './messages/email.js';
export * from './messages/cli-ids.js';
