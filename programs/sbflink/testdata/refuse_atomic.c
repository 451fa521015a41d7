/* atomics do not exist in SBPF. */
unsigned long long entrypoint(unsigned long long *in) { return __atomic_fetch_add(in, 1, __ATOMIC_SEQ_CST); }
