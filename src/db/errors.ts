/** A statement refused by a unique index or constraint (SQLSTATE 23505), on either database. */
export const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === '23505';
