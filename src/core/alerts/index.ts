// Alerting: the rule language (parse, print, validate, lint), evaluation of conditions on metrics and checks, the
// alert lifecycle with cooldowns, and the webhook channel's pure parts. One import for the state layer.
export type * from './types';
export * from './rule-parser';
export * from './evaluate';
export * from './engine';
export * from './webhook';
export * from './lint';
