# case: 26 Crash: SIGSEGV from ctypes.string_at(0)
# expect: runtime_error
# signal: 11
# process: contained
import ctypes

ctypes.string_at(0)
