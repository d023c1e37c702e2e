# case: 12 Block on input() when the test gives no stdin
# expect: runtime_error
# process: contained (stdin is at EOF)
print("asking", flush=True)
input()
