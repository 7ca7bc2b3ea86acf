/** NanoString nCounter files: RCC and RLF readers (pure) and the RCC merge. */
export * from './rcc.js';
export * from './rlf.js';
export * from './merge.js';
export { rccMsg } from './messages.js';
