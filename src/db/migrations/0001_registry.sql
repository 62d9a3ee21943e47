-- Accounts, production units, products, their events and the transparency log's leaves.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  password_hash text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('producer', 'reviewer', 'admin')),
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  name text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- The projection of a production unit's events.
CREATE TABLE producers (
  id uuid PRIMARY KEY,
  owner_id uuid NOT NULL REFERENCES users,
  status text NOT NULL,
  version integer NOT NULL,
  national_id text NOT NULL UNIQUE,
  name_fa text NOT NULL,
  name_en text NOT NULL,
  province text NOT NULL,
  city text NOT NULL,
  isic text NOT NULL,
  licence_no text NOT NULL,
  address text,
  phone text,
  website text,
  reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_at timestamptz,
  approved_at timestamptz
);
CREATE INDEX producers_owner ON producers (owner_id);
CREATE INDEX producers_queue ON producers (submitted_at) WHERE status = 'submitted';

-- Staff who belong to a unit: they may act for it, and may not review it.
CREATE TABLE producer_members (
  producer_id uuid NOT NULL REFERENCES producers ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
  PRIMARY KEY (producer_id, user_id)
);
CREATE INDEX producer_members_user ON producer_members (user_id);

CREATE SEQUENCE registration_serial;

-- The projection of a product's events. `revision` holds proposed changes to an approved product.
CREATE TABLE products (
  id uuid PRIMARY KEY,
  producer_id uuid NOT NULL REFERENCES producers,
  status text NOT NULL,
  version integer NOT NULL,
  registration_number text UNIQUE,
  registered_at timestamptz,
  valid_until timestamptz,
  name_fa text NOT NULL,
  name_en text NOT NULL,
  description_fa text NOT NULL,
  description_en text NOT NULL,
  tariff_code text NOT NULL,
  brand text NOT NULL,
  model text NOT NULL,
  gtin text,
  unit text NOT NULL,
  annual_capacity numeric NOT NULL,
  ex_works_price numeric NOT NULL,
  imported_inputs_cost numeric NOT NULL,
  value_added_percent numeric(5, 2) NOT NULL,
  export_markets text[] NOT NULL,
  attributes jsonb NOT NULL,
  revision jsonb,
  revision_status text,
  reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_at timestamptz
);
CREATE INDEX products_producer ON products (producer_id);
CREATE INDEX products_public ON products (registered_at DESC, id) WHERE status = 'approved';
CREATE INDEX products_queue ON products (submitted_at) WHERE status = 'submitted' OR revision_status = 'submitted';
CREATE INDEX products_expiry ON products (valid_until) WHERE status = 'approved';

CREATE TABLE product_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id uuid NOT NULL REFERENCES products ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 bytea NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_documents_product ON product_documents (product_id);

-- The registry's history: append-only; the projections above are derived from it.
CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_kind text NOT NULL CHECK (subject_kind IN ('producer', 'product')),
  subject_id uuid NOT NULL,
  seq integer NOT NULL,
  type text NOT NULL,
  actor_id uuid REFERENCES users,
  actor_role text NOT NULL,
  reason text,
  at timestamptz NOT NULL,
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  UNIQUE (subject_kind, subject_id, seq)
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The transparency log: one leaf per event, numbered without gaps.
CREATE TABLE log_head (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  size bigint NOT NULL
);
INSERT INTO log_head (size) VALUES (0);

CREATE TABLE log_leaves (
  idx bigint PRIMARY KEY,
  event_id bigint NOT NULL UNIQUE REFERENCES events,
  subject_id uuid NOT NULL,
  leaf bytea NOT NULL,
  hash bytea NOT NULL
);
CREATE INDEX log_leaves_subject ON log_leaves (subject_id, idx);
CREATE TRIGGER log_leaves_append_only BEFORE UPDATE OR DELETE ON log_leaves
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
