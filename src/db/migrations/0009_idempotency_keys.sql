-- A create sent twice (a double click, Back and Save again, a client's retry) is done once: the key
-- its form or its Idempotency-Key header carries is recorded in the create's own transaction.

CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('producer', 'product', 'token')),
  key text NOT NULL,
  subject_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
