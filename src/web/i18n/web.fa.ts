import type { web as en } from './web.en.ts';

export const web: Record<keyof typeof en, string> = {};
