#include "tiny.h"

u64 tiny_answer(void) { return 42; }
