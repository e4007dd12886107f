-- A first version: one table.
CREATE TABLE sample_item (
    id BIGINT PRIMARY KEY, -- trailing comments are ignored
    name VARCHAR(100) NOT NULL
);
INSERT INTO sample_item (id, name) VALUES (1, 'first');
