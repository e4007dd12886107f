ALTER TABLE sample_item ADD COLUMN note VARCHAR(200);
UPDATE sample_item SET note = 'added in V2';
