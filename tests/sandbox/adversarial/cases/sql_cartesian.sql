-- case: 29 SQL cartesian-join blowup
-- expect: time_limit wall_limit
-- process: contained (CPU time polled and RLIMIT_CPU)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 100000)
SELECT count(*) FROM n AS a, n AS b, n AS c;
