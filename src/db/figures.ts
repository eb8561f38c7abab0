// The one set of queries behind every figure users see: the bot's /trangthai, the digests, the
// summaries, the documents and the admin dashboard all read through here, so they cannot disagree.
export * from './figures/period-status.js';
export { type CriterionProgress, unitYearToDate, yearToDate } from './figures/year-to-date.js';
export * from './figures/period-figures.js';
export * from './figures/rates-over-periods.js';
export * from './figures/reports-of-year.js';
