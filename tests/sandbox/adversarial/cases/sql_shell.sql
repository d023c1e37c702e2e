-- case: 29 SQL CLI escapes: .shell, .system, .load and load_extension() reach only the same sandbox
-- expect: ok runtime_error
-- stdout-has: uid=65534
-- process: not contained: .shell runs a command on the host (as uid 65534)
.shell id
.system id
.load /nonexistent/extension
SELECT load_extension('/tmp/not-an-extension');
