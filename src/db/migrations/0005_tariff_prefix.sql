-- "Find a domestic maker" and the industry pages look up approved products by a tariff code prefix.
CREATE INDEX products_tariff_public ON products (tariff_code text_pattern_ops) WHERE status = 'approved';
