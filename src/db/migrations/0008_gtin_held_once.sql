-- A GTIN names one trade item: only one registration in force (approved, or suspended for a while)
-- may hold it. Drafts may repeat one, so that no one can hold another's barcode with a draft; the
-- service refuses a submission of a GTIN already held, and this index refuses two approvals at once.
CREATE UNIQUE INDEX products_gtin_held ON products (gtin) WHERE status IN ('approved', 'suspended');
