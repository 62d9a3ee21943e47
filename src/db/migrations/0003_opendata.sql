-- Bulk import: a producer's own reference for each imported row, so importing a file again changes nothing.

CREATE TABLE import_refs (
  kind text NOT NULL CHECK (kind IN ('producer', 'product')),
  -- The account for units (they have no unit yet), the unit for products.
  scope_id uuid NOT NULL,
  ref text NOT NULL,
  subject_id uuid NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, scope_id, ref)
);
