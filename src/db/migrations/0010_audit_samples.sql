-- The yearly audit: each Iranian year the ministry draws a random sample of the registrations in force
-- and checks their declarations (capacity, price, imported inputs) against the facts. Draws and outcomes
-- are the ministry's working records; a discrepancy leads to a decision (suspend, revoke), which is public.

CREATE TABLE audit_samples (
  year smallint PRIMARY KEY,
  drawn_at timestamptz NOT NULL DEFAULT now(),
  drawn_by uuid NOT NULL REFERENCES users (id),
  -- How many registrations were in force when the sample was drawn from them.
  population integer NOT NULL
);

CREATE TABLE audit_items (
  year smallint NOT NULL REFERENCES audit_samples (year),
  product_id uuid NOT NULL REFERENCES products (id),
  outcome text CHECK (outcome IN ('confirmed', 'discrepancy')),
  note text,
  audited_by uuid REFERENCES users (id),
  audited_at timestamptz,
  PRIMARY KEY (year, product_id),
  CHECK ((outcome IS NULL) = (audited_at IS NULL))
);
CREATE INDEX audit_items_product ON audit_items (product_id);
