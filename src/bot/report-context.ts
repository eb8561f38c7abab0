// The report facts moved to src/reporting (shared with the personal web form); the bot keeps
// importing them from here.
export * from '../reporting/report-context.js';
