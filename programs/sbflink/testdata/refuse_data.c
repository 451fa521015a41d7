/* an initialised writable global lands in .data */
long limit = 5;
long entrypoint(const unsigned char *in) { (void)in; return limit; }
