# case: 8 stdout flood (cat /dev/urandom)
# expect: output_limit
# process: contained (the launcher counts bytes and kills at the cap)
cat /dev/urandom
