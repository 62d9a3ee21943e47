-- Daily open-data snapshots (docs/adr/0006-daily-open-data-snapshots.md): each UTC day the open-data
-- files are frozen, gzip-compressed, in the database, so every app process serves the same bytes.

-- One row a day. The process taking the day's snapshot holds this row locked until it commits; until
-- then taken_at is null.
CREATE TABLE opendata_snapshots (
  day date PRIMARY KEY,
  log_size bigint,
  taken_at timestamptz,
  seconds double precision,
  CHECK ((taken_at IS NULL) = (log_size IS NULL))
);

-- The digest and size of each file of a snapshot: kept for ever, after its bytes are pruned.
CREATE TABLE opendata_snapshot_files (
  day date NOT NULL REFERENCES opendata_snapshots (day),
  file text NOT NULL CHECK (file IN ('products', 'producers', 'decisions')),
  format text NOT NULL CHECK (format IN ('csv', 'jsonl')),
  sha256 bytea NOT NULL CHECK (length(sha256) = 32),
  bytes bigint NOT NULL,
  rows bigint NOT NULL,
  seconds double precision NOT NULL,
  PRIMARY KEY (day, file, format)
);

-- The gzip bytes of each file, in order; written before the file's row in the same transaction.
CREATE TABLE opendata_snapshot_chunks (
  day date NOT NULL,
  file text NOT NULL,
  format text NOT NULL,
  seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (day, file, format, seq),
  FOREIGN KEY (day, file, format) REFERENCES opendata_snapshot_files (day, file, format)
    DEFERRABLE INITIALLY DEFERRED
);
-- Gzip bytes do not compress again: store them out of line as they are.
ALTER TABLE opendata_snapshot_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
