import type { RouteCase } from './common.js';

/** Genoptræning's privacy routes in the authorisation matrix (spread into MATRIX). */
export const PRIVACY_MATRIX: Record<string, RouteCase> = {};
