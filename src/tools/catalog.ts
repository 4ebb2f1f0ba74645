import { EXPLAINER_PATH } from '../explainer/view.js';
import type { SitemapSection } from '../web/sitemap.js';
import { type Calculator, TOOLS_PATH, toolPath } from './calculator.js';
import { START_BACK } from './start-back-form.js';
import { bmiCalculator } from './views/bmi-page.js';
import { bodyFatCalculator } from './views/body-fat-page.js';
import { energyCalculator } from './views/energy-page.js';
import { oneRepMaxCalculator } from './views/one-rep-max-page.js';
import { paceCalculator } from './views/pace-page.js';

/** Every calculator, in the order of the index page. */
export const CALCULATORS: readonly Calculator[] = [bmiCalculator, bodyFatCalculator, energyCalculator, paceCalculator, oneRepMaxCalculator];

/** The scan-report explainer lives in its own domain (explainer/) but is one of the tools. */
const EXPLAINER = {
  slug: EXPLAINER_PATH.slice(TOOLS_PATH.length + 1),
  name: 'Forstå din scanning',
  summary: 'Sæt teksten fra en MR-, CT-, ultralyds-, røntgen- eller DEXA-beskrivelse ind, og få fagordene forklaret på almindeligt dansk. Teksten gemmes ikke.',
};

/** Every tool for the index, search and sitemap: the calculators, STarT Back and the explainer. */
export const TOOLS: ReadonlyArray<{ slug: string; name: string; summary: string }> = [...CALCULATORS, START_BACK, EXPLAINER];

/** The index and every tool's empty form (result pages are noindex). */
export const toolsSitemapSection: SitemapSection = {
  name: 'vaerktoejer',
  entries: async () => [{ path: TOOLS_PATH }, ...TOOLS.map((tool) => ({ path: toolPath(tool.slug) }))],
};
