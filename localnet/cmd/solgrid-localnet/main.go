// Command solgrid-localnet runs the LiteSVM localnet validator until interrupted.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/rs/zerolog"
	"github.com/urfave/cli/v2"

	"github.com/solgrid/solgrid/localnet"
)

func main() {
	app := &cli.App{
		Name:  "solgrid-localnet",
		Usage: "local Solana JSON-RPC + WebSocket validator on LiteSVM",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "rpc-port", Value: 8899, Usage: "HTTP and WebSocket port (0 = pick a free one)"},
			&cli.StringSliceFlag{Name: "bpf-program", Usage: "ID=PATH of an SBF program to load at start (repeatable)"},
			&cli.StringFlag{Name: "ledger", Usage: "directory that keeps state across restarts"},
			&cli.BoolFlag{Name: "reset", Usage: "wipe the ledger before starting"},
			&cli.StringFlag{Name: "features", Value: "all", Usage: "all (SIMD-0500 active) or default (LiteSVM defaults)"},
			&cli.DurationFlag{Name: "slot", Value: 400 * time.Millisecond, Usage: "wall time per slot"},
			&cli.BoolFlag{Name: "verbose", Usage: "log every RPC request"},
		},
		Action: run,
	}
	if err := app.Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, "solgrid-localnet:", err)
		os.Exit(1)
	}
}

func run(c *cli.Context) error {
	level := zerolog.InfoLevel
	if c.Bool("verbose") {
		level = zerolog.DebugLevel
	}
	logger := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr}).Level(level).With().Timestamp().Logger()
	cfg := localnet.Config{
		LedgerDir: c.String("ledger"), Reset: c.Bool("reset"), Features: c.String("features"),
		RPCPort: c.Int("rpc-port"), SlotDuration: c.Duration("slot"), Logger: logger,
	}
	for _, spec := range c.StringSlice("bpf-program") {
		id, path, ok := strings.Cut(spec, "=")
		if !ok {
			return fmt.Errorf("--bpf-program %q: want ID=PATH", spec)
		}
		pk, err := solana.PublicKeyFromBase58(id)
		if err != nil {
			return fmt.Errorf("--bpf-program %q: %w", spec, err)
		}
		cfg.Programs = append(cfg.Programs, localnet.Program{ID: pk, Path: path})
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	v, err := localnet.Start(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Printf("rpc %s\nws  %s\n", v.RPCURL(), v.WSURL())
	<-ctx.Done()
	logger.Info().Msg("stopping")
	return v.Stop()
}
