-- case: 29 SQL WITH RECURSIVE output flood
-- expect: output_limit
-- process: contained (the launcher counts bytes and kills at the cap)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n;
