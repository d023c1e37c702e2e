-- case: 29 SQL DROP TABLE on the fixture; a second run still sees the original
-- expect: ok
-- stdout-has: 3
-- files: fixture.db
-- argv: sqlite3 -bail fixture.db ".read sql_drop.sql"
-- repeat: 2
-- process: contained (each run gets its own copy of the files)
SELECT count(*) FROM t;
DROP TABLE t;
SELECT count(*) FROM sqlite_master;
