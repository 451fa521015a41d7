package matcher

import (
	"context"
	"errors"
	"testing"

	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/matcher/redisserver"
)

func TestRefusesRedisWithoutAOFUnlessEphemeral(t *testing.T) {
	ctx := context.Background()
	srv, err := redisserver.Start(ctx, redisserver.Config{Dir: t.TempDir(), Ephemeral: true, Logger: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	defer rdb.Close()
	if err := CheckDurable(ctx, rdb, false); !errors.Is(err, ErrNotDurable) {
		t.Errorf("appendonly=no, not ephemeral: %v", err)
	}
	if err := CheckDurable(ctx, rdb, true); err != nil {
		t.Errorf("appendonly=no, --ephemeral: %v", err)
	}
	err = Run(ctx, Config{RedisAddr: srv.Addr(), Listen: "127.0.0.1:0", Log: zerolog.Nop()})
	if !errors.Is(err, ErrNotDurable) {
		t.Errorf("Run against a server without AOF: %v", err)
	}
}

func TestAcceptsRedisWithAOF(t *testing.T) {
	ctx := context.Background()
	srv, err := redisserver.Start(ctx, redisserver.Config{Dir: t.TempDir(), Logger: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	defer rdb.Close()
	if err := CheckDurable(ctx, rdb, false); err != nil {
		t.Errorf("appendonly=yes: %v", err)
	}
}
