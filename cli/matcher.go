package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/solgrid/solgrid/matcher"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/committer"
	"github.com/solgrid/solgrid/matcher/metrics"
	"github.com/solgrid/solgrid/matcher/pretrade"
	"github.com/urfave/cli/v2"
)

func matcherCommand() *cli.Command {
	return &cli.Command{
		Name:  "matcher",
		Usage: "run the order matcher (operator)",
		Subcommands: []*cli.Command{
			{
				Name:  "run",
				Usage: "serve the order book API and commit matched leases on chain (the keypair must be the market's matcher)",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "market", Required: true, Usage: "market address"},
					&cli.StringFlag{Name: "listen", Value: "127.0.0.1:8080", Usage: "HTTP API address"},
					&cli.StringFlag{Name: "redis", Usage: "use this Redis server (host:port) instead of starting a private one"},
					&cli.StringFlag{Name: "data-dir", Value: defaultMatcherDir(), Usage: "where the private Redis keeps its append-only file"},
					&cli.BoolFlag{Name: "ephemeral", Usage: "allow Redis without AOF (matches are lost if Redis crashes)"},
					&cli.BoolFlag{Name: "no-commit", Usage: "match only; do not commit leases on chain (no RPC needed)"},
					&cli.IntFlag{Name: "commit-workers", Value: 4, Usage: "commit transactions in flight at once"},
					&cli.DurationFlag{Name: "balance-ttl", Value: 2 * time.Second, Usage: "how long a renter's on-chain balance is cached for pre-trade checks"},
					&cli.StringFlag{Name: "min-lease-usd", Value: "0.25", Usage: "refuse orders whose smallest lease (1 GPU × min hours at the limit price) is worth less: the matcher pays the rent of what it commits"},
					&cli.DurationFlag{Name: "expiry-margin", Value: 30 * time.Second, Usage: "orders expiring sooner than this are not matched (their commit must land first)"},
				},
				Action: matcherRun,
			},
		},
	}
}

func defaultMatcherDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ".solgrid-matcher"
	}
	return filepath.Join(home, ".solgrid", "matcher")
}

func matcherRun(c *cli.Context) error {
	market, err := pubkeyFlag(c, "market")
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := logger()
	var minLease uint64 // "0" turns the minimum off
	if v := c.String("min-lease-usd"); v != "0" {
		if minLease, err = parseAmount(v, 6); err != nil {
			return fmt.Errorf("--min-lease-usd: %w", err)
		}
	}
	cfg := matcher.Config{
		MinLeaseMicroUSD: minLease,
		Market:           market,
		Listen:           c.String("listen"),
		RedisAddr:        c.String("redis"),
		DataDir:          c.String("data-dir"),
		Ephemeral:        c.Bool("ephemeral"),
		Book:             book.Options{ExpiryMargin: c.Duration("expiry-margin")},
		Log:              log,
		Ready: func(addr string) {
			fmt.Printf("matcher listening on http://%s\n", addr)
		},
	}
	if !c.Bool("no-commit") {
		s, err := openSession(c)
		if err != nil {
			return err
		}
		defer s.client.Close()
		funds, err := pretrade.ChainFunds(ctx, s.client, market, c.Duration("balance-ttl"))
		if err != nil {
			return fmt.Errorf("market %s: %w", market, err)
		}
		cfg.Funds = funds
		cfg.Chain = s.client
		cfg.Background = append(cfg.Background, func(ctx context.Context, b *book.Book, m *metrics.Metrics) error {
			return committer.New(committer.Config{
				Book: b, Client: s.client, Matcher: s.signer, Metrics: m, Log: log, Workers: c.Int("commit-workers"),
			}).Run(ctx)
		})
	}
	return matcher.Run(ctx, cfg)
}
