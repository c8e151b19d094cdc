// The one decision rule in one import: is a time difference real (decideTime), the rank intervals it stands
// on, and Decide's always-valid sequential plan.
export * from './ranks';
export * from './rule';
export * from './sequential';
