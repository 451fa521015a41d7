/* a zero-initialised writable global lands in .bss */
long counter;
long entrypoint(const unsigned char *in) { (void)in; return ++counter; }
