#!/usr/bin/env node
/** Entry point of the `sigscore` command. Exit codes: 0 success, 1 bad data, 2 bad usage. */
import { hideBin } from 'yargs/helpers';
import { run } from './app.js';

run(hideBin(process.argv)).then((code) => {
  process.exitCode = code;
});
