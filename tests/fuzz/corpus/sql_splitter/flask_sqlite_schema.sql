-- Schema as a Flask app would create it on SQLite.
CREATE TABLE user (
    id INTEGER NOT NULL,
    email VARCHAR(120) NOT NULL, -- unique; checked below
    "display name" VARCHAR(64),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_user_email ON user (email);

INSERT INTO user (id, email, "display name") VALUES (1, 'admin@example.com', 'O''Brien; admin');
UPDATE alembic_version SET version_num='b2c3d4e5f6a7' WHERE alembic_version.version_num = 'a1b2c3d4e5f6';
