# case: 9 stderr flood with a quiet stdout
# expect: output_limit
# stdout-has: quiet
# process: contained (the launcher counts bytes and kills at the cap)
import sys

print("quiet", flush=True)
while True:
    sys.stderr.write("e" * 4096)
