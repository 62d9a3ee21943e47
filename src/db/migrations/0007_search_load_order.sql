-- The search index loads the public catalog in this order, so that products alike (one kind, one
-- maker) lie side by side in its arrays and a query reads them in runs rather than all over (ADR 0002).
CREATE INDEX products_public_by_kind ON products (tariff_code, producer_id, id) WHERE status = 'approved';
