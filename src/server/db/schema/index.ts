export * from './core.js';
export * from './households.js';
export * from './audit.js';
