import type { RouteCase } from './common.js';

/** Genoptræning's programs routes in the authorisation matrix (spread into MATRIX). */
export const PROGRAMS_MATRIX: Record<string, RouteCase> = {};
