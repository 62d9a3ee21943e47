import type { ColumnType, Generated } from 'kysely';
import type { Status } from '../domain/workflow.ts';

/** The tables as Kysely sees them; kept in step with migrations/ (a test compares them). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  name: string;
  role: 'producer' | 'reviewer' | 'admin';
  disabled_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: Uint8Array;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: Uint8Array;
  created_at: Generated<Date>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ProducersTable {
  id: string;
  owner_id: string;
  status: Status;
  version: number;
  national_id: string;
  name_fa: string;
  name_en: string;
  province: string;
  city: string;
  isic: string;
  licence_no: string;
  address: string | null;
  phone: string | null;
  website: string | null;
  reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  approved_at: Timestamp | null;
}

export interface ProducerMembersTable {
  producer_id: string;
  user_id: string;
}

export interface ProductsTable {
  id: string;
  producer_id: string;
  status: Status;
  version: number;
  registration_number: string | null;
  registered_at: Timestamp | null;
  valid_until: Timestamp | null;
  name_fa: string;
  name_en: string;
  description_fa: string;
  description_en: string;
  tariff_code: string;
  brand: string;
  model: string;
  gtin: string | null;
  unit: string;
  annual_capacity: number;
  ex_works_price: number;
  imported_inputs_cost: number;
  value_added_percent: number;
  export_markets: string[];
  attributes: Json<Record<string, string>>;
  revision: Json<unknown> | null;
  revision_status: Status | null;
  reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
}

export interface ProductDocumentsTable {
  id: Generated<string>;
  product_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: Uint8Array;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: Generated<Date>;
}

export interface EventsTable {
  id: Generated<number>;
  subject_kind: 'producer' | 'product';
  subject_id: string;
  seq: number;
  type: string;
  actor_id: string | null;
  actor_role: string;
  reason: string | null;
  at: Timestamp;
  before: Json<Record<string, unknown>>;
  after: Json<Record<string, unknown>>;
}

export interface LogHeadTable {
  only_row: Generated<boolean>;
  size: number;
}

export interface LogLeavesTable {
  idx: number;
  event_id: number;
  subject_id: string;
  leaf: Uint8Array;
  hash: Uint8Array;
}

export interface ImportRefsTable {
  kind: 'producer' | 'product';
  scope_id: string;
  ref: string;
  subject_id: string;
  imported_at: Generated<Date>;
}

export interface IdempotencyKeysTable {
  user_id: string;
  kind: 'producer' | 'product' | 'token';
  key: string;
  subject_id: string;
  created_at: Generated<Date>;
}

export interface AuditSamplesTable {
  year: number;
  drawn_at: Generated<Date>;
  drawn_by: string;
  population: number;
}

export interface AuditItemsTable {
  year: number;
  product_id: string;
  outcome: 'confirmed' | 'discrepancy' | null;
  note: string | null;
  audited_by: string | null;
  audited_at: Date | null;
}

export interface LogCheckpointsTable {
  size: number;
  note: string;
  signed_at: Generated<Date>;
}

export interface OpendataSnapshotsTable {
  day: string;
  log_size: number | null;
  taken_at: Timestamp | null;
  seconds: number | null;
}

export interface OpendataSnapshotFilesTable {
  day: string;
  file: string;
  format: string;
  sha256: Uint8Array;
  bytes: number;
  rows: number;
  seconds: number;
}

export interface OpendataSnapshotChunksTable {
  day: string;
  file: string;
  format: string;
  seq: number;
  data: Uint8Array;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  producers: ProducersTable;
  producer_members: ProducerMembersTable;
  products: ProductsTable;
  product_documents: ProductDocumentsTable;
  events: EventsTable;
  log_head: LogHeadTable;
  log_leaves: LogLeavesTable;
  log_checkpoints: LogCheckpointsTable;
  import_refs: ImportRefsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_samples: AuditSamplesTable;
  audit_items: AuditItemsTable;
  opendata_snapshots: OpendataSnapshotsTable;
  opendata_snapshot_files: OpendataSnapshotFilesTable;
  opendata_snapshot_chunks: OpendataSnapshotChunksTable;
  schema_migrations: SchemaMigrationsTable;
}
