/** What each demo step receives. */
export interface DemoContext {
  /** Output directory of the whole demo (e.g. `demo-output`). */
  outDir: string;
  /** Where the example cohort's input files are (`<outDir>/data`). */
  dataDir: string;
  seed: number;
  threads?: number;
  quiet: boolean;
  /** Run a `sigscore` sub-command in-process; throws when it exits non-zero. */
  sigscore(args: string[]): Promise<void>;
  /** One progress line on stderr. */
  log(text: string): void;
}

export interface DemoStep {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}
