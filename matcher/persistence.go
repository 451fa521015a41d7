package matcher

import (
	"context"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// ErrNotDurable: the Redis server would lose acknowledged matches in a crash.
var ErrNotDurable = errors.New("redis has appendonly=no: matched orders would be lost in a crash (enable AOF or pass --ephemeral)")

// CheckDurable refuses a server without append-only persistence, unless ephemeral.
// A server that hides its configuration (CONFIG disabled) is refused too: the matcher
// cannot know it is safe.
func CheckDurable(ctx context.Context, rdb redis.UniversalClient, ephemeral bool) error {
	if ephemeral {
		return nil
	}
	cfg, err := rdb.ConfigGet(ctx, "appendonly").Result()
	if err != nil {
		return fmt.Errorf("read redis appendonly setting (pass --ephemeral to skip): %w", err)
	}
	if cfg["appendonly"] != "yes" {
		return ErrNotDurable
	}
	return nil
}
