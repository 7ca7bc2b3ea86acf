export * from './collinearity.js';
