import type { Ctx } from '../../context.ts';
import { PUBLIC_STATUSES } from '../../domain/workflow.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { logSize } from '../ledger/service.ts';
import { columnsOf, etagAt, FILES, FORMATS, LICENCE } from './files.ts';
import { KEPT_DAYS, latestSnapshot, SNAPSHOTS_URL, sumsUrl } from './snapshots.ts';

const both = (key: MessageKey, params?: Record<string, number>) => ({
  fa: t('fa', key, params),
  en: t('en', key, params),
});

/**
 * What `GET /api/v1/opendata` lists: each file, its fields in both languages, the live file's ETag
 * and the newest daily snapshot with its SHA-256. Nothing here reads the files themselves.
 */
export async function openDataListing(ctx: Ctx) {
  const [size, latest] = await Promise.all([logSize(ctx.db), latestSnapshot(ctx)]);
  const newest = latest[0];
  return {
    licence: LICENCE,
    publicStatuses: PUBLIC_STATUSES,
    snapshots: {
      url: SNAPSHOTS_URL,
      keptDays: KEPT_DAYS,
      description: both('opendata.snapshots', { days: KEPT_DAYS }),
      latest: newest ? { day: newest.day, logSize: newest.logSize, sha256sums: sumsUrl(newest.day) } : null,
    },
    files: FILES.map((file) => ({
      name: file,
      title: both(`opendata.file.${file}`),
      formats: FORMATS.map((format) => ({
        format,
        url: `/api/v1/opendata/${file}.${format}`,
        etag: etagAt(file, format, size),
        snapshot: latest.find((s) => s.file === file && s.format === format) ?? null,
      })),
      fields: columnsOf(file).map((name) => ({
        name,
        description: both(`opendata.field.${file}.${name}` as MessageKey),
      })),
    })),
  };
}
