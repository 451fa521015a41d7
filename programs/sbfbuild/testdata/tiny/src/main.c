/* The sbfbuild test program: two sources in nested directories and a header. */
#include "tiny.h"

static const char hello[] = "hello from tiny";

u64 entrypoint(const unsigned char *input) {
  (void)input;
  sol_log_(hello, sizeof hello - 1);
  return tiny_answer() == 42 ? 0 : 1;
}
