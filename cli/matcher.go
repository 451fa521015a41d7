package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/solgrid/solgrid/matcher"
	"github.com/urfave/cli/v2"
)

func matcherCommand() *cli.Command {
	return &cli.Command{
		Name:  "matcher",
		Usage: "run the order matcher (operator)",
		Subcommands: []*cli.Command{
			{
				Name:  "run",
				Usage: "serve the order book API and commit matched leases on chain",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "market", Required: true, Usage: "market address"},
					&cli.StringFlag{Name: "listen", Value: "127.0.0.1:8080", Usage: "HTTP API address"},
					&cli.StringFlag{Name: "redis", Usage: "use this Redis server (host:port) instead of starting a private one"},
					&cli.StringFlag{Name: "data-dir", Value: defaultMatcherDir(), Usage: "where the private Redis keeps its append-only file"},
					&cli.BoolFlag{Name: "ephemeral", Usage: "allow Redis without AOF (matches are lost if Redis crashes)"},
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
	return matcher.Run(ctx, matcher.Config{
		Market:    market,
		Listen:    c.String("listen"),
		RedisAddr: c.String("redis"),
		DataDir:   c.String("data-dir"),
		Ephemeral: c.Bool("ephemeral"),
		Log:       logger(),
		Ready: func(addr string) {
			fmt.Printf("matcher listening on http://%s\n", addr)
		},
	})
}
