-- The transparency log's signed checkpoints: every one ever signed is kept, one per tree size.
CREATE TABLE log_checkpoints (
  size bigint PRIMARY KEY,
  note text NOT NULL,
  signed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER log_checkpoints_append_only BEFORE UPDATE OR DELETE ON log_checkpoints
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Inclusion proofs by leaf hash look the leaf up here.
CREATE INDEX log_leaves_hash ON log_leaves (hash);
