import type { RouteCase } from './common.js';

/** Genoptræning's reminders routes in the authorisation matrix (spread into MATRIX). */
export const REMINDERS_MATRIX: Record<string, RouteCase> = {};
