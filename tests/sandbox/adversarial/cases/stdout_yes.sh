# case: 8 stdout flood (yes)
# expect: output_limit
# process: contained (the launcher counts bytes and kills at the cap)
yes
