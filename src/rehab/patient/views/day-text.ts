import { formatDanishDate } from '../../../text/dates.js';
import { WEEKDAY_NAMES, isoWeekday } from '../../program-model.js';

/** "mandag 7. december 2026". */
export const dayWithWeekday = (day: string) => `${WEEKDAY_NAMES[isoWeekday(day) - 1]} ${formatDanishDate(day)}`;
