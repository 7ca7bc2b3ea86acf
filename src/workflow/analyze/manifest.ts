/**
 * The `manifest.json` of an analysis: versions, input checksums and, per step, the effective
 * argv, checksums of the files it read, timings, outputs and exit status; and the rule that
 * decides whether a re-run may skip a step.
 */

export interface StepRecord {
  name: string;
  argv: string[];
  seed: number;
  /** Path → SHA-256 of every existing file or directory named in the argv before the step ran. */
  inputs: Record<string, string>;
  start: string;
  end: string;
  seconds: number;
  /** Files the step created or changed, relative to the output directory. */
  outputs: string[];
  /** Exit code of the step (0 = success). */
  exitStatus: number;
  /** True when the step was skipped because nothing changed since the recorded run. */
  skipped?: boolean;
  /** Why the step was not run (an optional input is absent, or a step it requires was not run). */
  notRun?: string;
}

export interface AnalyzeManifest {
  config: string;
  title?: string;
  sigscoreVersion: string;
  nodeVersion: string;
  seed: number;
  /** Config input name → {path, sha256}. */
  inputs: Record<string, { path: string; sha256: string }>;
  start: string;
  end: string;
  steps: StepRecord[];
}

const sameRecord = (a: Record<string, string>, b: Record<string, string>): boolean => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
};

/**
 * Whether a step may be skipped: it succeeded before with the same argv, the files it read have
 * the same checksums, and every output it wrote still exists (`exists` tells).
 */
export function canSkipStep(previous: StepRecord | undefined, argv: readonly string[], inputs: Record<string, string>, exists: (output: string) => boolean): boolean {
  if (!previous || previous.exitStatus !== 0 || previous.outputs.length === 0) return false;
  if (previous.argv.length !== argv.length || previous.argv.some((a, i) => a !== argv[i])) return false;
  if (!sameRecord(previous.inputs, inputs)) return false;
  return previous.outputs.every(exists);
}
