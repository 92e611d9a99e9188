export * from './common.js';
export * from './roles.js';
export * from './auth.js';
export * from './admin.js';
export * from './households.js';
export * from './audit.js';
export * from './health.js';
