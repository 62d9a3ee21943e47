/** A timestamp column's value as the domain keeps it: an ISO 8601 string, or null. */
export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
