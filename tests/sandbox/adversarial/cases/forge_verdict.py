# case: 25 Forging the grade: a PASS marker, results.json, a forged report frame, exit 0 forged
# expect: runtime_error
# exit: 3
# stdout-has: ALL TESTS PASSED
# check: forged-frame
# process: contained (the report travels on the launcher's own pipe, which the program cannot open)
import json
import os
import struct
import sys

print("ALL TESTS PASSED")
with open(os.path.join(os.environ["KODPROV_OUT"], "results.json"), "w") as handle:
    json.dump({"score": 100, "status": "ok"}, handle)
forged = json.dumps({"status": "ok", "exit_code": 0}).encode()
sys.stdout.buffer.write(b"R" + struct.pack(">I", len(forged)) + forged)
sys.stdout.flush()
try:  # the launcher's stdout is the real report channel: it must be out of reach
    with open(f"/proc/{os.getppid()}/fd/1", "wb") as channel:
        channel.write(b"R" + struct.pack(">I", len(forged)) + forged)
    print("LEAK wrote to the launcher's report channel")
except OSError:
    pass
sys.exit(3)
