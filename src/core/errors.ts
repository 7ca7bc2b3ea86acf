/**
 * Error hierarchy. Every error that bad input can cause is a `SigscoreError`; the CLI turns it
 * into one line on stderr and an exit code (`DataError` → 1, `UsageError` → 2). Message texts
 * live in `messages.ts`.
 */

/** Where in a file something was found. Lines and columns are 1-based. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
}

export function formatLocation(loc: Location): string {
  if (!loc.file && loc.line === undefined) return '';
  let s = loc.file ?? '<input>';
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.column !== undefined) s += `:${loc.column}`;
  return s;
}

export class SigscoreError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = 1;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The data is malformed or inconsistent (exit code 1). */
export class DataError extends SigscoreError {
  override readonly exitCode: number = 1;
}

/** A file could not be parsed; the message starts with file:line:column. */
export class ParseError extends DataError {
  readonly location: Location;
  constructor(location: Location, message: string) {
    const where = formatLocation(location);
    super(where ? `${where}: ${message}` : message);
    this.location = location;
  }
}

/** The caller asked for something invalid: bad options, unknown command (exit code 2). */
export class UsageError extends SigscoreError {
  override readonly exitCode: number = 2;
}

/** One or more options failed validation; `problems` lists every violation. */
export class OptionError extends UsageError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} invalid options: ${problems.join('; ')}`);
    this.problems = problems;
  }
}
