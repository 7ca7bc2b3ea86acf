/**
 * Message texts of `sigscore analyze`, as functions so tests can assert them. `where` is
 * `file:line:column` of the config node (or the file name for configs built in code).
 */
const q = (s: string): string => JSON.stringify(s);
const list = (xs: readonly string[]): string => (xs.length ? xs.join(', ') : '(none)');

export const analyzeMsg = {
  notJson: (where: string, detail: string) => `${where}: not valid JSON (${detail})`,
  notYaml: (where: string, detail: string) => `${where}: not valid YAML (${detail})`,
  notObject: (where: string, what: string) => `${where}: ${what} must be a mapping (JSON object)`,
  unknownKey: (where: string, key: string) =>
    `${where}: unknown key ${q(key)} (keys: title, inputs, endpoints, covariates, output, seed, steps)`,
  badName: (where: string, what: string, name: string) =>
    `${where}: ${what} name ${q(name)} must start with a letter or _ and hold only letters, digits, _ and -`,
  badField: (where: string, field: string, expected: string) => `${where}: ${q(field)} must be ${expected}`,
  badEndpoint: (where: string, name: string, spec: string) =>
    `${where}: endpoint ${q(name)}: ${q(spec)} must be binary:COLUMN, binary:COLUMN>=VALUE (or > <= < == !=) or survival:TIME,EVENT`,
  badGroupKey: (where: string, group: string, key: string) =>
    `${where}: covariate group ${q(group)}: unknown key ${q(key)} (keys: from, include, exclude)`,
  badGroupFrom: (where: string, group: string, from: string, inputs: readonly string[]) =>
    `${where}: covariate group ${q(group)}: "from" must name an input whose header lists the columns, got ${q(from)} (inputs: ${list(inputs)})`,
  patternNeedsFrom: (where: string, group: string, pattern: string) =>
    `${where}: covariate group ${q(group)}: pattern ${q(pattern)} needs the form {from: INPUT, include: [...]} so the columns can be read`,
  patternNoMatch: (where: string, group: string, pattern: string, from: string, columns: readonly string[]) =>
    `${where}: covariate group ${q(group)}: ${q(pattern)} matches no column of input ${q(from)} (columns: ${columns.slice(0, 12).join(', ')}${columns.length > 12 ? ', …' : ''})`,
  groupInputMissing: (file: string, name: string, path: string) =>
    `${file}: covariate groups read the columns of input ${q(name)} (${path}), which does not exist`,
  groupEmpty: (where: string, group: string) => `${where}: covariate group ${q(group)} is empty after "exclude"`,
  noSteps: (where: string) => `${where}: "steps" must be a non-empty list of {name, command, args}`,
  badStep: (where: string, index: number, detail: string) => `${where}: step ${index + 1}: ${detail}`,
  duplicateStep: (where: string, name: string) => `${where}: step name ${q(name)} is used twice`,
  unknownRequired: (where: string, step: string, name: string, earlier: readonly string[]) =>
    `${where}: step ${q(step)}: "requires" names ${q(name)}, which is not an earlier step (earlier steps: ${list(earlier)})`,
  unknownCommand: (where: string, step: string, command: string, known: readonly string[]) =>
    `${where}: step ${q(step)}: unknown command ${q(command)} (commands: ${known.join(', ')})`,
  badSubstitution: (where: string, step: string, token: string, inputs: readonly string[]) =>
    `${where}: step ${q(step)}: cannot substitute ${q(token)}; use \${output}, \${seed}, \${inputs.NAME} (NAME one of ${list(inputs)}), \${endpoints.NAME} or \${covariates.GROUP}`,
  unknownEndpoint: (where: string, step: string, name: string, known: readonly string[]) =>
    `${where}: step ${q(step)}: unknown endpoint ${q(name)} (endpoints: ${list(known)})`,
  badEndpointField: (where: string, step: string, name: string, field: string, fields: readonly string[]) =>
    `${where}: step ${q(step)}: endpoint ${q(name)} has no ${q(field)} (fields: ${fields.join(', ')})`,
  unknownGroup: (where: string, step: string, name: string, known: readonly string[]) =>
    `${where}: step ${q(step)}: unknown covariate group ${q(name)} (groups: ${list(known)})`,
  missingInput: (where: string, step: string, name: string, path: string) =>
    `${where}: step ${q(step)}: input ${q(name)} (${path}) does not exist`,
  unknownSelected: (file: string, name: string, steps: readonly string[]) =>
    `${file}: --steps names ${q(name)}, which is not a step (steps: ${steps.join(', ')})`,
  stepFailed: (file: string, step: string, code: number) => `${file}: step ${q(step)} failed with exit code ${code}`,
  optionalAbsent: (name: string, path: string) => `optional input ${q(name)} (${path}) is absent`,
  requiredNotRun: (name: string) => `step ${q(name)}, whose outputs it reads, was not run`,
};
