/**
 * The sub-commands. One file per command; each exports a yargs CommandModule.
 * Heavy dependencies are imported inside the handlers that need them.
 */
import type { CommandModule } from 'yargs';
import { inspectCommand } from './inspect.js';
import { convertCommand } from './convert.js';
import { demoCommand } from './demo.js';
import { scoreCommand } from './score.js';
import { signaturesCommand } from './signatures.js';
import { gseaCommand } from './gsea.js';
import { oraCommand } from './ora.js';
import { forestCommand } from './forest.js';
import { nanostringCommand } from './nanostring.js';
import { screenCommand } from './screen.js';
import { deCommand } from './de.js';
import { plotCommand } from './plot.js';
import { kmCommand } from './km.js';
import { logrankCommand } from './logrank.js';
import { coxCommand } from './cox.js';
import { cutpointCommand } from './cutpoint.js';
import { riskgroupsCommand } from './riskgroups.js';
import { gsvaCommand } from './gsva.js';
import { reportCommand } from './report.js';
import { analyzeCommand } from './analyze.js';
import { compareCommand } from './compare.js';
import { correlateCommand } from './correlate.js';

export const commands: CommandModule<any, any>[] = [
  inspectCommand,
  convertCommand,
  demoCommand,
  scoreCommand,
  signaturesCommand,
  gseaCommand,
  oraCommand,
  forestCommand,
  nanostringCommand,
  screenCommand,
  deCommand,
  plotCommand,
  kmCommand,
  logrankCommand,
  coxCommand,
  cutpointCommand,
  riskgroupsCommand,
  gsvaCommand,
  reportCommand,
  analyzeCommand,
  compareCommand,
  correlateCommand,
];
