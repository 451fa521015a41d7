package main

import (
	"fmt"
	"os"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/urfave/cli/v2"
)

func newApp() *cli.App {
	return &cli.App{
		Name:  "solgrid",
		Usage: "rent and rent out GPUs on Solana",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "url", Aliases: []string{"u"}, Usage: "cluster: localhost, devnet, mainnet-beta or an RPC URL (default: from the Solana CLI config)"},
			&cli.StringFlag{Name: "keypair", Aliases: []string{"k"}, Usage: "signer keypair file (default: from the Solana CLI config)"},
			&cli.StringFlag{Name: "config", Aliases: []string{"C"}, Value: client.DefaultCLIConfigPath, Usage: "Solana CLI config file"},
			&cli.StringFlag{Name: "program-id", Usage: "market program address (default: the IDL's)"},
			&cli.BoolFlag{Name: "json", Usage: "machine-readable output"},
			&cli.StringFlag{Name: "log-level", Value: "warn", Usage: "debug, info, warn or error"},
		},
		Before: func(c *cli.Context) error {
			level, err := zerolog.ParseLevel(c.String("log-level"))
			if err != nil {
				return fmt.Errorf("--log-level %q: %w", c.String("log-level"), err)
			}
			zerolog.SetGlobalLevel(level)
			return nil
		},
		Commands: []*cli.Command{demoCommand(), marketCommand(), balanceCommand(), renterCommand(), providerCommand(), orderCommand(), leaseCommand(), matcherCommand(), walletCommand()},
	}
}

// logger writes structured logs to stderr, human-readable on a terminal.
func logger() zerolog.Logger {
	return zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr, TimeFormat: time.TimeOnly}).With().Timestamp().Logger()
}

// session is what a command needs to talk to the chain as the user.
type session struct {
	client  *client.Client
	signer  solana.PrivateKey
	out     *output
	cluster client.Cluster
}

// openSession resolves --url and --keypair the way the Solana CLI does: flags win,
// then ~/.config/solana/cli/config.yml, then its defaults.
func openSession(c *cli.Context) (*session, error) {
	cfg, err := client.LoadCLIConfig(c.String("config"))
	if err != nil {
		return nil, err
	}
	url := cfg.JSONRPCURL
	if c.IsSet("url") {
		url = c.String("url")
	}
	cluster, err := client.ResolveCluster(url)
	if err != nil {
		return nil, fmt.Errorf("%w (pass --url localhost|devnet|mainnet-beta|<URL>)", err)
	}
	if cfg.WebsocketURL != "" && !c.IsSet("url") {
		cluster.WS = cfg.WebsocketURL
	}
	keyPath := cfg.KeypairPath
	if c.IsSet("keypair") {
		keyPath = c.String("keypair")
	}
	signer, err := client.LoadKeypair(keyPath)
	if err != nil {
		return nil, err
	}
	opts := []client.Option{client.WithLogger(logger())}
	if id := c.String("program-id"); id != "" {
		pid, err := solana.PublicKeyFromBase58(id)
		if err != nil {
			return nil, fmt.Errorf("--program-id %q: %w", id, err)
		}
		opts = append(opts, client.WithProgramID(pid))
	}
	return &session{
		client:  client.NewForCluster(cluster, opts...),
		signer:  signer,
		out:     newOutput(c.Bool("json"), cluster),
		cluster: cluster,
	}, nil
}
