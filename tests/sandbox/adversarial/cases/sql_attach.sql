-- case: 29 SQL ATTACH DATABASE '/etc/passwd'
-- expect: runtime_error
-- stdout-lacks: root:
-- process: contained (sqlite refuses a file that is not a database)
ATTACH DATABASE '/etc/passwd' AS p;
SELECT * FROM p.sqlite_master;
