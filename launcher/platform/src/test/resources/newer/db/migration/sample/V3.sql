CREATE INDEX sample_item_name ON sample_item (name);
