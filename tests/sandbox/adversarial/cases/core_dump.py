# case: 26 No core file is written after a crash (core ulimit 0)
# expect: ok
# stdout-has: SAFE
# process: contained (RLIMIT_CORE 0)
import os
import subprocess

subprocess.run(["python3", "-c", "import os; os.abort()"], check=False)
cores = [name for name in os.listdir(".") if name == "core" or name.startswith("core.")]
print("LEAK" if cores else "SAFE", cores)
