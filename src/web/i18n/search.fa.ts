import type { search as en } from './search.en.ts';

export const search: Record<keyof typeof en, string> = {};
