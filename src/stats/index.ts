export * from './p-adjust.js';
