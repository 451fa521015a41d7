package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/localnet"
	"github.com/solgrid/solgrid/matcher/redisserver"
	"github.com/solgrid/solgrid/programs/sbfbuild"
	"github.com/urfave/cli/v2"
)

func demoCommand() *cli.Command {
	return &cli.Command{
		Name:  "demo",
		Usage: "build the program, start a localnet and a Redis of its own, and run the market end to end",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "dir", Usage: "keep wallets, ledger and Redis data here (default: a temporary directory)"},
		},
		Action: runDemo,
	}
}

// demo holds what the demo started, so it can stop all of it.
type demo struct {
	out       *output
	dir       string
	validator *localnet.Validator
	redis     *redisserver.Server
	client    *client.Client
}

func runDemo(c *cli.Context) error {
	ctx := c.Context
	d := &demo{out: newOutput(c.Bool("json"), client.Cluster{})}
	d.dir = c.String("dir")
	if d.dir == "" {
		tmp, err := os.MkdirTemp("", "solgrid-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		d.dir = tmp
	}
	defer d.stop()
	if err := d.start(ctx); err != nil {
		return err
	}
	return d.run(ctx)
}

func (d *demo) start(ctx context.Context) error {
	d.out.step("building the market program (C → SBPF v3)")
	so, err := sbfbuild.BuildMarket(ctx)
	if err != nil {
		return fmt.Errorf("build program: %w", err)
	}
	if info, err := os.Stat(so); err == nil {
		fmt.Printf("✔ program built: %s (%s bytes, SBPF v3)\n", so, groupThousands(uint64(info.Size())))
	}

	d.out.step("starting a localnet (LiteSVM, all features, SIMD-0500 active)")
	d.validator, err = localnet.Start(ctx, localnet.Config{
		Programs:  []localnet.Program{{ID: solgridmarket.ProgramID, Path: so}},
		LedgerDir: filepath.Join(d.dir, "ledger"),
		Logger:    logger(),
	})
	if err != nil {
		return fmt.Errorf("start localnet: %w", err)
	}
	cluster, err := client.ResolveCluster(d.validator.RPCURL())
	if err != nil {
		return err
	}
	cluster.WS = d.validator.WSURL()
	d.out.cluster = cluster
	d.client = client.NewForCluster(cluster, client.WithLogger(logger()))
	fmt.Printf("✔ localnet at %s (ws %s), program %s\n", cluster.RPC, cluster.WS, solgridmarket.ProgramID)

	d.out.step("starting Redis for the order book")
	d.redis, err = redisserver.Start(ctx, redisserver.Config{Dir: filepath.Join(d.dir, "redis"), Logger: logger()})
	if err != nil {
		return fmt.Errorf("start redis: %w", err)
	}
	fmt.Printf("✔ redis at %s (append-only file, fsync always)\n", d.redis.Addr())
	return nil
}

func (d *demo) stop() {
	if d.client != nil {
		d.client.Close()
	}
	if d.redis != nil {
		d.redis.Stop()
	}
	if d.validator != nil {
		d.validator.Stop()
	}
}

func (d *demo) run(ctx context.Context) error {
	operator, err := d.wallet(ctx, "operator", 10*solana.LAMPORTS_PER_SOL)
	if err != nil {
		return err
	}
	d.out.step("creating the stablecoin (6 decimals) and platform token (6 decimals) mints")
	usdc, res, err := d.client.CreateMint(ctx, operator, 6)
	if err != nil {
		return err
	}
	d.out.tx("stablecoin mint "+usdc.String(), res)
	sgt, res, err := d.client.CreateMint(ctx, operator, 6)
	if err != nil {
		return err
	}
	d.out.tx("platform token mint "+sgt.String(), res)

	d.out.step("initialising market 1 (fees: 2.5%% in stablecoin, 1%% in platform token)")
	market, res, err := d.client.InitializeMarket(ctx, operator, client.InitializeMarket{
		MarketID: 1, StableMint: usdc, TokenMint: sgt,
		Params: solgridmarket.MarketParams{
			Treasury: operator.PublicKey(), OracleAuthority: operator.PublicKey(), Matcher: operator.PublicKey(),
			FeeBpsStable: 250, FeeBpsToken: 100, MinerFeeShareBps: 2000,
			MaxPriceStalenessSecs: 300, SubsidyPerGpuHour: 500_000,
			CheckerRewardPerReport: 10_000, CheckerMinReportIntervalSecs: 60,
			MinerPriceMicroUsd: 100_000_000, MinerMaxSupply: 10_000,
		},
	}, client.SendOptions{Progress: d.progress})
	if err != nil {
		return err
	}
	d.out.tx("market initialised", res)
	m, err := d.client.FetchMarket(ctx, market)
	if err != nil {
		return err
	}
	return printMarket(d.out, market, m)
}

// wallet creates (or reloads from the demo directory) a named keypair and funds it.
func (d *demo) wallet(ctx context.Context, name string, lamports uint64) (solana.PrivateKey, error) {
	path := filepath.Join(d.dir, "wallets", name+".json")
	key, err := client.LoadKeypair(path)
	if err != nil {
		key = solana.NewWallet().PrivateKey
		if err := client.SaveKeypair(path, key); err != nil {
			return nil, err
		}
	}
	d.out.step("airdropping %s to %s (%s)", tokens(lamports, 9, "SOL"), name, key.PublicKey())
	sig, err := d.client.RPC.RequestAirdrop(ctx, key.PublicKey(), lamports, rpc.CommitmentConfirmed)
	if err != nil {
		return nil, fmt.Errorf("airdrop to %s: %w", name, err)
	}
	if _, err := d.client.Confirm(ctx, sig, ^uint64(0)); err != nil {
		return nil, fmt.Errorf("airdrop to %s: %w", name, err)
	}
	fmt.Printf("✔ wallet %-9s %s  %s\n", name, key.PublicKey(), tokens(lamports, 9, "SOL"))
	return key, nil
}

func (d *demo) progress(stage string, sig solana.Signature) {
	switch stage {
	case "confirm":
		d.out.step("waiting for confirmation of %s", sig)
	case "expired":
		d.out.step("blockhash expired before %s landed; signing again", sig)
	}
}
