/* any writable allocated section, whatever its name */
__attribute__((section(".state"))) long state = 1;
long entrypoint(const unsigned char *in) { (void)in; return state++; }
