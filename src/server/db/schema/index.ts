export * from './core.js';
export * from './households.js';
export * from './audit.js';
export * from './chain.js';
export * from './plan.js';
export * from './signals.js';
export * from './notifications.js';
export * from './stagnation.js';
