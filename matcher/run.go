// Package matcher runs the off-chain market: the Redis order book, its HTTP API, the
// expiry sweeper and the committer that puts fills on chain.
package matcher

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/matcher/api"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/metrics"
	"github.com/solgrid/solgrid/matcher/pretrade"
	"github.com/solgrid/solgrid/matcher/redisserver"
)

// Config says how to run the matcher.
type Config struct {
	Market    solana.PublicKey
	Listen    string // HTTP address, e.g. 127.0.0.1:8080
	RedisAddr string // an existing server; "" starts a private one with AOF in DataDir
	DataDir   string
	Ephemeral bool // allow (or start) Redis without AOF
	Book      book.Options
	// MinLeaseMicroUSD refuses orders whose smallest lease is worth less (per GPU).
	MinLeaseMicroUSD uint64
	Funds            pretrade.Funds
	Nodes            pretrade.Nodes
	Chain            api.OrderStates // optional: on-chain order state in order status
	// Background runs alongside the API (the committer) until ctx ends.
	Background []func(ctx context.Context, b *book.Book, m *metrics.Metrics) error
	Log        zerolog.Logger
	// Ready, if set, hears the HTTP address once the API listens.
	Ready func(addr string)
}

// Run serves until ctx is cancelled or a component fails.
func Run(ctx context.Context, cfg Config) error {
	addr := cfg.RedisAddr
	if addr == "" {
		srv, err := redisserver.Start(ctx, redisserver.Config{Dir: filepath.Join(cfg.DataDir, "redis"), Ephemeral: cfg.Ephemeral, Logger: cfg.Log})
		if err != nil {
			return err
		}
		defer srv.Stop()
		addr = srv.Addr()
		cfg.Log.Info().Str("redis", addr).Str("dir", cfg.DataDir).Bool("aof", !cfg.Ephemeral).Msg("started private redis")
	}
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	if err := rdb.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redis %s: %w", addr, err)
	}
	if err := CheckDurable(ctx, rdb, cfg.Ephemeral); err != nil {
		return fmt.Errorf("redis %s: %w", addr, err)
	}
	b := book.New(rdb, cfg.Market, cfg.Book)
	if err := b.Load(ctx); err != nil {
		return err
	}
	m := metrics.New()
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen %s: %w", cfg.Listen, err)
	}
	httpSrv := &http.Server{
		Handler:           api.New(api.Config{Book: b, Funds: cfg.Funds, Nodes: cfg.Nodes, Metrics: m, Log: cfg.Log, Chain: cfg.Chain, MinLeaseMicroUSD: cfg.MinLeaseMicroUSD}),
		ReadHeaderTimeout: 5 * time.Second,
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 2+len(cfg.Background))
	go func() {
		if err := httpSrv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			errc <- fmt.Errorf("http: %w", err)
		}
	}()
	go func() { errc <- sweep(ctx, b, cfg.Log) }()
	for _, bg := range cfg.Background {
		go func() { errc <- bg(ctx, b, m) }()
	}
	cfg.Log.Info().Str("listen", ln.Addr().String()).Str("market", cfg.Market.String()).Msg("matcher serving")
	if cfg.Ready != nil {
		cfg.Ready(ln.Addr().String())
	}
	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-errc:
	}
	cancel()
	shutdown, done := context.WithTimeout(context.Background(), 5*time.Second)
	defer done()
	_ = httpSrv.Shutdown(shutdown)
	return runErr
}

// sweep removes expired orders every second.
func sweep(ctx context.Context, b *book.Book, log zerolog.Logger) error {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		if n, err := b.Sweep(ctx, 1000); err != nil {
			if ctx.Err() == nil {
				log.Warn().Err(err).Msg("sweep expired orders")
			}
		} else if n > 0 {
			log.Debug().Int("orders", n).Msg("swept expired orders")
		}
	}
}
