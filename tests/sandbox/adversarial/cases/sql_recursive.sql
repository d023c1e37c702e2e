-- case: 11 SQL WITH RECURSIVE without an end
-- expect: time_limit wall_limit
-- process: contained (CPU time polled and RLIMIT_CPU)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n;
