/* errors.c - Anchor-style error log line. */
#include "errors.h"
#include "sol/log.h"

#define SG_ERROR_LINE_MAX 256

typedef struct {
  char buf[SG_ERROR_LINE_MAX];
  uint64_t len;
} LogLine;

/* Appends s, truncating at the buffer end (a message cut short beats no log).
 * noinline: inlined five times and unrolled it costs ~500 instructions. */
__attribute__((noinline)) static void line_append(LogLine *l, const char *s) {
  while (*s != 0 && l->len < SG_ERROR_LINE_MAX)
    l->buf[l->len++] = *s++;
}

__attribute__((noinline)) static void line_append_u64(LogLine *l, uint64_t v) {
  char digits[20];
  uint64_t n = sol_format_u64(v, digits);
  for (uint64_t i = 0; i < n && l->len < SG_ERROR_LINE_MAX; i++)
    l->buf[l->len++] = digits[i];
}

void sg_log_error(uint64_t code) {
  const char *name = solgrid_error_name(code), *msg = solgrid_error_msg(code);
  LogLine l;
  if (name == NULL)
    return;
  l.len = 0;
  line_append(&l, "AnchorError occurred. Error Code: ");
  line_append(&l, name);
  line_append(&l, ". Error Number: ");
  line_append_u64(&l, code);
  line_append(&l, ". Error Message: ");
  line_append(&l, msg);
  line_append(&l, ".");
  sol_log_(l.buf, l.len);
}
