import type { RouteCase } from './common.js';

/** Genoptræning's patient routes in the authorisation matrix (spread into MATRIX). */
export const PATIENT_MATRIX: Record<string, RouteCase> = {};
