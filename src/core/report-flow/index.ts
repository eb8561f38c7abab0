// The report flow, shared by every channel that collects progress reports.
export * from './draft-schema.js';
export * from './machine.js';
export * from './number-input.js';
export * from './submission.js';
export * from './text-input.js';
export * from './types.js';
export * from './base-check.js';
export * from './error-text.js';
export * from './last-day.js';
