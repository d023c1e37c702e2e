# case: 26 Crash: os.abort()
# expect: runtime_error
# signal: 6
# process: contained
import os

os.abort()
