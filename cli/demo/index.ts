/**
 * The steps of `sigscore demo`, in order. Each domain adds its step here; a step reads the
 * example data in `ctx.dataDir` and earlier steps' outputs in `ctx.outDir`.
 */
import type { DemoStep } from './context.js';
import { inspectStep } from './inspect.js';
import { nanostringStep } from './nanostring.js';
import { screenStep } from './screen.js';
import { deStep } from './de.js';
import { scoreStep } from './score.js';
import { gsvaStep } from './gsva.js';
import { survivalStep } from './survival.js';
import { gseaStep } from './gsea.js';
import { forestStep } from './forest.js';
import { reportStep } from './report.js';

export const demoSteps: DemoStep[] = [
  inspectStep,
  nanostringStep,
  screenStep,
  deStep,
  scoreStep,
  gsvaStep,
  survivalStep,
  gseaStep,
  forestStep,
  reportStep,
];
