/** Message texts of `sigscore analyze`, as functions so tests can assert them. */
const q = (s: string): string => JSON.stringify(s);

export const analyzeMsg = {
  notJson: (file: string, detail: string) => `${file}: not valid JSON (${detail})`,
  notObject: (file: string, what: string) => `${file}: ${what} must be a JSON object`,
  badField: (file: string, field: string, expected: string) => `${file}: ${q(field)} must be ${expected}`,
  noSteps: (file: string) => `${file}: "steps" must be a non-empty array of {name, command, args}`,
  badStep: (file: string, index: number, detail: string) => `${file}: step ${index + 1}: ${detail}`,
  duplicateStep: (file: string, name: string) => `${file}: step name ${q(name)} is used twice`,
  unknownCommand: (file: string, step: string, command: string, known: readonly string[]) =>
    `${file}: step ${q(step)}: unknown command ${q(command)} (commands: ${known.join(', ')})`,
  badSubstitution: (file: string, step: string, token: string, inputs: readonly string[]) =>
    `${file}: step ${q(step)}: cannot substitute ${q(token)}; use \${output}, \${seed} or \${inputs.NAME} with NAME one of ${inputs.length ? inputs.join(', ') : '(no inputs)'}`,
  missingInput: (file: string, step: string, name: string, path: string) =>
    `${file}: step ${q(step)}: input ${q(name)} (${path}) does not exist`,
  unknownSelected: (file: string, name: string, steps: readonly string[]) =>
    `${file}: --steps names ${q(name)}, which is not a step (steps: ${steps.join(', ')})`,
  stepFailed: (file: string, step: string, code: number) => `${file}: step ${q(step)} failed with exit code ${code}`,
};
