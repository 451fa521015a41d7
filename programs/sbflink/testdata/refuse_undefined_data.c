/* data referenced but defined nowhere */
extern const unsigned long long missing_table[];
unsigned long long entrypoint(const unsigned char *in) { return missing_table[in[0]]; }
