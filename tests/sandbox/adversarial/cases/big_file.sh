# case: 7 fallocate -l 10G
# expect: ok
# stdout-has: SAFE
# process: contained (RLIMIT_FSIZE)
fallocate -l 10G big.bin 2>/dev/null || echo "SAFE fallocate refused"
size=$(stat -c %s big.bin 2>/dev/null || echo 0)
[ "$size" -le 4194304 ] || echo "LEAK size $size"
