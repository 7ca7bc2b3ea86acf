export * from './polygamma.js';
