import { resolve } from 'node:path';
import { z } from 'zod';

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalText = z.preprocess(emptyAsUndefined, z.string().optional());

const schema = z
  .object({
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    IRANMADE_ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().optional()),
    IRANMADE_ADMIN_PASSWORD: optionalText,
    IRANMADE_DEMO: z.preprocess(emptyAsUndefined, z.enum(['auto', 'off']).default('auto')),
    IRANMADE_LOG_ORIGIN: z.preprocess(emptyAsUndefined, z.string().default('iranmade.ir/log')),
    IRANMADE_LOG_KEY: optionalText,
    SESSION_TTL_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().positive().default(12)),
    TRUST_PROXY: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('false')),
    IRANMADE_SNAPSHOTS: z.preprocess(emptyAsUndefined, z.enum(['daily', 'off']).default('daily')),
  })
  .refine((c) => !c.IRANMADE_ADMIN_EMAIL === !c.IRANMADE_ADMIN_PASSWORD, {
    message: 'IRANMADE_ADMIN_EMAIL and IRANMADE_ADMIN_PASSWORD are given together',
    path: ['IRANMADE_ADMIN_PASSWORD'],
  })
  .refine((c) => !c.IRANMADE_ADMIN_PASSWORD || c.IRANMADE_ADMIN_PASSWORD.length >= 10, {
    message: 'must be at least 10 characters',
    path: ['IRANMADE_ADMIN_PASSWORD'],
  });

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  publicUrl?: string;
  logLevel: string;
  admin?: { email: string; password: string };
  demo: 'auto' | 'off';
  logOrigin: string;
  logKey?: string;
  sessionTtlMs: number;
  trustProxy: boolean;
  /** Whether this server takes the daily open-data snapshot, or a scheduled `iranmade snapshot` does. */
  snapshots: 'daily' | 'off';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads every setting once; reports all problems together. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    publicUrl: c.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: c.LOG_LEVEL,
    admin:
      c.IRANMADE_ADMIN_EMAIL && c.IRANMADE_ADMIN_PASSWORD
        ? { email: c.IRANMADE_ADMIN_EMAIL, password: c.IRANMADE_ADMIN_PASSWORD }
        : undefined,
    demo: c.IRANMADE_DEMO,
    logOrigin: c.IRANMADE_LOG_ORIGIN,
    logKey: c.IRANMADE_LOG_KEY,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3600_000,
    trustProxy: c.TRUST_PROXY === 'true',
    snapshots: c.IRANMADE_SNAPSHOTS,
  };
}
