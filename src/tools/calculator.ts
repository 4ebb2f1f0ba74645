import type { VNode } from 'preact';
import type { z } from 'zod';
import type { FormState } from './form.js';

/**
 * One calculator: its URL slug, the query fields it reads, the zod schema that turns them into
 * input, and the three parts of its page (form fields, result, how we calculate).
 */
export interface Calculator<T = unknown> {
  slug: string;
  /** Link text and index heading, e.g. "BMI-beregner". */
  name: string;
  /** The page's H1. */
  title: string;
  /** One sentence: meta description and index teaser. */
  summary: string;
  fields: readonly string[];
  schema: z.ZodType<T, Record<string, string>>;
  Fields: (props: { state: FormState<T> }) => VNode;
  Result: (props: { data: T }) => VNode;
  /** How the result is calculated, its limits and its source. */
  About: () => VNode;
}

/** Erases the input type so calculators of different inputs can share one list. */
export const defineCalculator = <T,>(calculator: Calculator<T>) => calculator as unknown as Calculator;

export const TOOLS_PATH = '/vaerktoejer';
export const toolPath = (slug: string) => `${TOOLS_PATH}/${slug}`;
