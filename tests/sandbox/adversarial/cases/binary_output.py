# case: 10 Binary, invalid UTF-8, NUL bytes and one 10 MB line without a newline
# expect: output_limit
# process: contained (the launcher counts bytes and kills at the cap)
import sys

sys.stdout.buffer.write(b"\xff\xfe\x00\x00\xc3(" + bytes(range(256)))
sys.stdout.buffer.write(b"A" * 10_000_000)
