package book

import (
	"context"
	"crypto/sha1"
	"embed"
	"encoding/hex"
	"fmt"

	"github.com/redis/go-redis/v9"
)

//go:embed lua/*.lua
var luaFiles embed.FS

// script is a Lua script loaded once with SCRIPT LOAD and run with EVALSHA; a server
// that lost its script cache (restart, failover, SCRIPT FLUSH) gets it again on NOSCRIPT.
type script struct {
	name string
	src  string
	sha  string
}

func loadScript(name string, prologue ...string) *script {
	var src string
	for _, p := range append(prologue, name) {
		b, err := luaFiles.ReadFile("lua/" + p + ".lua")
		if err != nil {
			panic(fmt.Sprintf("embedded script %s: %v", p, err)) // a build defect, not a runtime condition
		}
		src += string(b) + "\n"
	}
	sum := sha1.Sum([]byte(src))
	return &script{name: name, src: src, sha: hex.EncodeToString(sum[:])}
}

func (s *script) load(ctx context.Context, rdb redis.UniversalClient) error {
	sha, err := rdb.ScriptLoad(ctx, s.src).Result()
	if err != nil {
		return fmt.Errorf("script load %s: %w", s.name, err)
	}
	if sha != s.sha {
		return fmt.Errorf("script load %s: server sha %s, want %s", s.name, sha, s.sha)
	}
	return nil
}

func (s *script) run(ctx context.Context, rdb redis.UniversalClient, keys []string, args ...any) ([]any, error) {
	res, err := rdb.EvalSha(ctx, s.sha, keys, args...).Result()
	if err != nil && redis.HasErrorPrefix(err, "NOSCRIPT") {
		if err := s.load(ctx, rdb); err != nil {
			return nil, err
		}
		res, err = rdb.EvalSha(ctx, s.sha, keys, args...).Result()
	}
	if err != nil {
		return nil, fmt.Errorf("script %s: %w", s.name, err)
	}
	out, ok := res.([]any)
	if !ok {
		return []any{res}, nil
	}
	return out, nil
}

var (
	matchScript      = loadScript("match")
	cancelScript     = loadScript("cancel", "unlist")
	sweepScript      = loadScript("sweep", "unlist")
	compensateScript = loadScript("compensate", "unlist")
	depthScript      = loadScript("depth", "unlist")
)

var allScripts = []*script{matchScript, cancelScript, sweepScript, compensateScript, depthScript}
