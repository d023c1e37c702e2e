# case: 8 stdout flood (print in a loop)
# expect: output_limit
# stdout-has: HEAD
# process: contained (the launcher counts bytes and kills at the cap)
print("HEAD")
while True:
    print("x" * 4096)
