export * from './snapshot.js';
export * from './schema-changes.js';
export * from './gate.js';
export * from './changesets.js';
