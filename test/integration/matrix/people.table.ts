import type { RouteCase } from './common.js';

/** Genoptræning's people routes in the authorisation matrix (spread into MATRIX). */
export const PEOPLE_MATRIX: Record<string, RouteCase> = {};
