export * from './enums.js';
export * from './primitives.js';
export * from './errors.js';
export * from './kardow/member.js';
export * from './admin.js';
