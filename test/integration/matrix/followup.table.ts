import type { RouteCase } from './common.js';

/** Genoptræning's followup routes in the authorisation matrix (spread into MATRIX). */
export const FOLLOWUP_MATRIX: Record<string, RouteCase> = {};
