import { z } from '@hono/zod-openapi';
import { queryInteger } from '../../http/fields.ts';
import { FILES, FORMATS } from './files.ts';
import { KEPT_DAYS } from './snapshots.ts';

export const ChangesQuery = z.object({
  // An empty `after=` is absent, not 0: read as 0 it would pass over the log's first entry.
  after: z
    .preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce
        .number({ error: 'field.invalid' })
        .int({ error: 'field.invalid' })
        .min(-1, { error: 'field.invalid' })
        .default(-1),
    )
    .openapi({
      description:
        'The nextCursor of the previous page: the last log index read (-1, empty or absent: from the start); one past the end of the log is refused',
    }),
  limit: queryInteger(1, 1000).default(100),
});

export const ChangeOut = z
  .object({
    logIndex: z.number().int().openapi({ description: 'Index of the leaf in the transparency log' }),
    type: z.string(),
    subject: z.object({ kind: z.enum(['producer', 'product']), id: z.uuid() }),
    seq: z.number().int(),
    at: z.string(),
    public: z
      .boolean()
      .openapi({ description: 'False: the subject was not public yet; only what the log leaf publishes' }),
    registrationNumber: z.string().nullable(),
    reason: z.string().nullable(),
    fields: z.record(z.string(), z.unknown()).nullable().openapi({
      description:
        'Public fields this event changed; all public fields on the event that made the subject public',
    }),
  })
  .openapi('Change');

export const ChangesPage = z
  .object({ items: z.array(ChangeOut), nextCursor: z.string(), more: z.boolean() })
  .openapi('ChangesPage');

export const FileParam = z.object({
  file: z
    .enum(FILES.flatMap((f) => FORMATS.map((x) => `${f}.${x}` as const)))
    .openapi({ param: { name: 'file', in: 'path' } }),
});

const SNAPSHOT_NAMES = FILES.flatMap((f) => FORMATS.map((x) => `${f}.${x}.gz`));

export const SnapshotsQuery = z.object({
  before: z.iso
    .date({ error: 'field.invalid' })
    .optional()
    .openapi({ description: 'Only days before this one (YYYY-MM-DD): the nextBefore of the previous page' }),
  days: z.coerce.number().int().min(1).max(366).default(KEPT_DAYS).openapi({ description: 'How many days' }),
});

// Strings, not enums: a day or file the registry has no snapshot of is a 404, whatever its spelling.
export const SnapshotDayParam = z.object({
  day: z
    .string()
    .openapi({ param: { name: 'day', in: 'path' }, example: '2026-03-21', description: 'A UTC day' }),
});
export const SnapshotFileParam = SnapshotDayParam.extend({
  name: z.string().openapi({
    param: { name: 'name', in: 'path' },
    example: 'products.csv.gz',
    description: `One of ${SNAPSHOT_NAMES.join(', ')}`,
  }),
});

export const SnapshotFileOut = z
  .object({
    day: z.string().openapi({ description: 'The UTC day of the snapshot, YYYY-MM-DD' }),
    file: z.enum(FILES),
    format: z.enum(FORMATS),
    sha256: z.string().openapi({ description: 'Hex SHA-256 of the .gz bytes, as downloaded' }),
    bytes: z.number().int(),
    rows: z.number().int(),
    logSize: z
      .number()
      .int()
      .openapi({ description: 'The transparency log size the files are the state at' }),
    takenAt: z.string(),
    seconds: z.number(),
    url: z
      .string()
      .nullable()
      .openapi({ description: 'The .gz file; null once its bytes are no longer kept' }),
  })
  .openapi('SnapshotFile');

export const SnapshotsPage = z
  .object({
    keptDays: z
      .number()
      .int()
      .openapi({ description: 'Days whose files are kept; digests are kept for ever' }),
    items: z.array(SnapshotFileOut),
    nextBefore: z.string().nullable(),
  })
  .openapi('SnapshotsPage');
