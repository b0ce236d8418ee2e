import { LOCALE } from './locale.ts';

const long = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = new Intl.DateTimeFormat(LOCALE, { month: 'long', timeZone: 'UTC' });

/** "13 July 2023" */
export const formatDate = (d: Date): string => long.format(d);
/** "July" */
export const formatMonth = (month: number): string => monthName.format(new Date(Date.UTC(2000, month - 1, 1)));
/** "2023-07-13", for <time datetime> and machine-readable output. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
