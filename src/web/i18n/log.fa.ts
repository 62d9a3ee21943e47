import type { log as en } from './log.en.ts';

export const log: Record<keyof typeof en, string> = {};
