package redisserver

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"
)

// The order book relies on Redis keeping acknowledged writes across a crash.
func TestDataSurvivesCrashRestartWithAOF(t *testing.T) {
	ctx := context.Background()
	srv, err := Start(ctx, Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	defer rdb.Close()
	if err := rdb.Set(ctx, "order:1", "resting", 0).Err(); err != nil {
		t.Fatal(err)
	}
	aof, err := rdb.ConfigGet(ctx, "appendonly").Result()
	if err != nil || aof["appendonly"] != "yes" {
		t.Fatalf("appendonly = %v, %v", aof, err)
	}
	if err := srv.Restart(ctx, true); err != nil {
		t.Fatal(err)
	}
	got, err := rdb.Get(ctx, "order:1").Result()
	if err != nil || got != "resting" {
		t.Fatalf("after SIGKILL and restart: %q, %v", got, err)
	}
}

func TestEphemeralServerHasNoAOF(t *testing.T) {
	ctx := context.Background()
	srv, err := Start(ctx, Config{Dir: t.TempDir(), Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	defer rdb.Close()
	aof, err := rdb.ConfigGet(ctx, "appendonly").Result()
	if err != nil || aof["appendonly"] != "no" {
		t.Fatalf("appendonly = %v, %v", aof, err)
	}
}
