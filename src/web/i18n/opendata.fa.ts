import type { opendata as en } from './opendata.en.ts';

export const opendata: Record<keyof typeof en, string> = {};
