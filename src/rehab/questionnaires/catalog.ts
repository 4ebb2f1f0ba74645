import { nprs } from './nprs.js';
import { psfs } from './psfs.js';
import { startBack } from './start-back.js';
import { tsk17 } from './tsk-17.js';

/** The outcome questionnaires we ship, in the order a behandler chooses among them. */
export const INSTRUMENTS = [nprs, psfs, tsk17, startBack] as const;
