import type { Calculator } from './calculator.js';
import { START_BACK } from './start-back-form.js';
import { bmiCalculator } from './views/bmi-page.js';
import { bodyFatCalculator } from './views/body-fat-page.js';
import { energyCalculator } from './views/energy-page.js';
import { oneRepMaxCalculator } from './views/one-rep-max-page.js';
import { paceCalculator } from './views/pace-page.js';

/** Every calculator, in the order of the index page. */
export const CALCULATORS: readonly Calculator[] = [bmiCalculator, bodyFatCalculator, energyCalculator, paceCalculator, oneRepMaxCalculator];

/** Every tool for the index, search and sitemap: the calculators and STarT Back. */
export const TOOLS: ReadonlyArray<{ slug: string; name: string; summary: string }> = [...CALCULATORS, START_BACK];
