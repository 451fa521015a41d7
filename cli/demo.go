package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/localnet"
	"github.com/solgrid/solgrid/matcher"
	"github.com/solgrid/solgrid/matcher/api"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/committer"
	"github.com/solgrid/solgrid/matcher/metrics"
	"github.com/solgrid/solgrid/matcher/pretrade"
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
	// stopMatcher ends the in-process matcher and waits for it.
	stopMatcher func()
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
	if d.stopMatcher != nil {
		d.stopMatcher()
	}
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
	mk, err := d.createMarket(ctx)
	if err != nil {
		return err
	}
	if err := d.fundParticipants(ctx, mk); err != nil {
		return err
	}
	leases, err := d.tradeGPUs(ctx, mk)
	if err != nil {
		return err
	}
	return d.runLeases(ctx, mk, leases)
}

// demoMarket is the market the demo runs and the people on it.
type demoMarket struct {
	*marketContext
	operator, matcher, lab, studio, provider solana.PrivateKey
}

func (d *demo) createMarket(ctx context.Context) (*demoMarket, error) {
	mk := &demoMarket{}
	var err error
	for _, w := range []struct {
		name string
		key  *solana.PrivateKey
	}{{"operator", &mk.operator}, {"matcher", &mk.matcher}, {"ai-lab", &mk.lab}, {"studio", &mk.studio}, {"provider", &mk.provider}} {
		if *w.key, err = d.wallet(ctx, w.name, 10*solana.LAMPORTS_PER_SOL); err != nil {
			return nil, err
		}
	}
	d.out.step("creating the stablecoin (USDC, 6 decimals) and platform token (SGT, 6 decimals) mints")
	usdc, res, err := d.client.CreateMint(ctx, mk.operator, 6)
	if err != nil {
		return nil, err
	}
	d.out.tx("stablecoin mint "+usdc.String(), res)
	sgt, res, err := d.client.CreateMint(ctx, mk.operator, 6)
	if err != nil {
		return nil, err
	}
	d.out.tx("platform token mint "+sgt.String(), res)

	d.out.step("initialising market 1 (fees: 2.5%% in USDC, 1%% in SGT; the matcher commits leases)")
	market, res, err := d.client.InitializeMarket(ctx, mk.operator, client.InitializeMarket{
		MarketID: 1, StableMint: usdc, TokenMint: sgt,
		Params: solgridmarket.MarketParams{
			Treasury: mk.operator.PublicKey(), OracleAuthority: mk.operator.PublicKey(), Matcher: mk.matcher.PublicKey(),
			FeeBpsStable: 250, FeeBpsToken: 100, MinerFeeShareBps: 2000,
			MaxPriceStalenessSecs: 300, SubsidyPerGpuHour: 500_000,
			CheckerRewardPerReport: 10_000, CheckerMinReportIntervalSecs: 60,
			MinerPriceMicroUsd: 100_000_000, MinerMaxSupply: 10_000,
		},
	}, client.SendOptions{Progress: d.progress})
	if err != nil {
		return nil, err
	}
	d.out.tx("market initialised", res)
	res, err = d.client.SetTokenPrice(ctx, mk.operator, client.SetTokenPrice{Market: market, PriceMicroUsd: 250_000}, client.SendOptions{})
	if err != nil {
		return nil, err
	}
	d.out.tx("oracle: SGT price set to $0.25", res)
	m, err := d.client.FetchMarket(ctx, market)
	if err != nil {
		return nil, err
	}
	mk.marketContext = &marketContext{address: market, market: m}
	return mk, printMarket(d.out, market, m)
}

// fundParticipants gives the renters tokens and has them deposit; the provider
// and the treasury open the Balances their earnings will land in.
func (d *demo) fundParticipants(ctx context.Context, mk *demoMarket) error {
	deposits := []struct {
		who    string
		key    solana.PrivateKey
		mint   solana.PublicKey
		amount uint64
	}{
		{"ai-lab", mk.lab, mk.market.StableMint, 5_000_000_000},    // $5,000
		{"studio", mk.studio, mk.market.TokenMint, 40_000_000_000}, // 40,000 SGT
	}
	for _, dep := range deposits {
		if _, _, err := d.client.MintToOwner(ctx, mk.operator, dep.mint, dep.key.PublicKey(), dep.amount); err != nil {
			return err
		}
		res, err := d.client.Deposit(ctx, dep.key, client.Deposit{Market: mk.address, Mint: dep.mint, Amount: dep.amount}, client.SendOptions{})
		if err != nil {
			return err
		}
		d.out.tx(fmt.Sprintf("%s deposited %s", dep.who, mk.amount(dep.mint, dep.amount)), res)
	}
	for _, owner := range []solana.PublicKey{mk.provider.PublicKey(), mk.operator.PublicKey()} {
		for _, mint := range []solana.PublicKey{mk.market.StableMint, mk.market.TokenMint} {
			if _, _, err := d.client.OpenBalance(ctx, mk.operator, client.OpenBalance{Owner: owner, Market: mk.address, Mint: mint}, client.SendOptions{}); err != nil {
				return err
			}
		}
	}
	fmt.Println("✔ provider and treasury balances opened in USDC and SGT")
	return nil
}

func (d *demo) order(mk *demoMarket, owner solana.PrivateKey, o solgridmarket.Order) (solgridmarket.SignedOrder, error) {
	o.Market, o.Owner, o.Version = mk.address, owner.PublicKey(), client.OrderVersion
	if o.Side == solgridmarket.Side_Bid {
		o.MaxFeeBps = mk.feeBps(o.PaymentMint) // the fee it accepts: today's, signed
	}
	o.ExpiresAt = time.Now().Add(24 * time.Hour).Unix()
	return client.SignOrder(o, owner)
}

// startMatcher runs the matcher (order book in the demo's Redis, HTTP API,
// committer signing with the market's matcher key) inside this process.
func (d *demo) startMatcher(ctx context.Context, mk *demoMarket) (*api.Client, error) {
	funds, err := pretrade.ChainFunds(ctx, d.client, mk.address, time.Second)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	ready, done := make(chan string, 1), make(chan error, 1)
	log := logger().Level(zerolog.WarnLevel)
	go func() {
		done <- matcher.Run(ctx, matcher.Config{
			Market: mk.address, Listen: "127.0.0.1:0", RedisAddr: d.redis.Addr(), Funds: funds, Chain: d.client, Log: log,
			MinLeaseMicroUSD: 250_000, // $0.25, as `solgrid matcher run` defaults to
			Background: []func(context.Context, *book.Book, *metrics.Metrics) error{
				func(ctx context.Context, b *book.Book, m *metrics.Metrics) error {
					return committer.New(committer.Config{Book: b, Client: d.client, Matcher: mk.matcher, Metrics: m, Log: log}).Run(ctx)
				},
			},
			Ready: func(addr string) { ready <- addr },
		})
	}()
	d.stopMatcher = func() { cancel(); <-done }
	select {
	case addr := <-ready:
		fmt.Printf("✔ matcher at http://%s (book in Redis %s, committer signs as %s)\n", addr, d.redis.Addr(), mk.matcher.PublicKey())
		return api.NewClient("http://" + addr), nil
	case err := <-done:
		cancel()
		d.stopMatcher = nil
		return nil, fmt.Errorf("start matcher: %w", err)
	}
}

// tradeGPUs has the provider offer H100s and RTX 4090s, the renters bid for
// them through the matcher, and the matcher commit the matches on chain; the
// program checks every signature, price and balance itself.
func (d *demo) tradeGPUs(ctx context.Context, mk *demoMarket) ([]solana.PublicKey, error) {
	m, err := d.startMatcher(ctx, mk)
	if err != nil {
		return nil, err
	}
	node := solana.NewWallet().PublicKey()
	orders := []struct {
		who   string
		owner solana.PrivateKey
		o     solgridmarket.Order
	}{
		{"provider", mk.provider, solgridmarket.Order{OrderId: 1, Side: solgridmarket.Side_Ask, SkuMask: client.SKUMask(solgridmarket.GpuSku_H100Sxm),
			GpuCount: 8, LimitPrice: 2_100_000, MinHours: 1, MaxHours: 2, Node: node, Region: 1}},
		{"provider", mk.provider, solgridmarket.Order{OrderId: 2, Side: solgridmarket.Side_Ask, SkuMask: client.SKUMask(solgridmarket.GpuSku_Rtx4090),
			GpuCount: 4, LimitPrice: 350_000, MinHours: 1, MaxHours: 3, Node: node, Region: 1}},
		{"ai-lab", mk.lab, solgridmarket.Order{OrderId: 1, Side: solgridmarket.Side_Bid,
			SkuMask:  client.SKUMask(solgridmarket.GpuSku_H100Sxm, solgridmarket.GpuSku_H100Pcie, solgridmarket.GpuSku_H200),
			GpuCount: 4, LimitPrice: 2_500_000, MinHours: 2, MaxHours: 2, PaymentMint: mk.market.StableMint}},
		{"studio", mk.studio, solgridmarket.Order{OrderId: 1, Side: solgridmarket.Side_Bid,
			SkuMask: client.SKUMask(solgridmarket.GpuSku_Rtx4090), GpuCount: 2, LimitPrice: 400_000, MinHours: 3, MaxHours: 3,
			PaymentMint: mk.market.TokenMint}},
	}
	fmt.Println("\nOrders signed (ed25519 over \"solgrid:order:v1\" ‖ borsh(order)) and sent to the matcher")
	rows := [][]string{{"WHO", "SIDE", "GPUS", "LIMIT/GPU-H", "HOURS", "PAYS IN", "MATCHED AT ONCE"}}
	for _, o := range orders {
		signed, err := d.order(mk, o.owner, o.o)
		if err != nil {
			return nil, err
		}
		res, err := m.Submit(ctx, &signed)
		if err != nil {
			return nil, err
		}
		pays, matched := "any", "-"
		if !o.o.PaymentMint.IsZero() {
			pays = mk.unit(o.o.PaymentMint)
		}
		for _, f := range res.Fills {
			matched = fmt.Sprintf("%d GPUs at %s for %d h", f.GPUs, usdString(f.Price), f.Hours)
		}
		rows = append(rows, []string{o.who, o.o.Side.String(), fmt.Sprintf("%d× %s", o.o.GpuCount, skuNames(o.o.SkuMask)),
			usd(o.o.LimitPrice), fmt.Sprintf("%d-%d", o.o.MinHours, o.o.MaxHours), pays, matched})
	}
	if err := d.out.grid(rows); err != nil {
		return nil, err
	}
	if depth, err := m.Depth(ctx, "h100-sxm"); err == nil && len(depth.Asks) > 0 {
		fmt.Printf("book h100-sxm: %d GPUs still offered at %s\n", depth.Asks[0].GPUs, usdString(depth.Asks[0].Price))
	}
	return d.awaitCommits(ctx, mk, m, []solana.PrivateKey{mk.lab, mk.studio})
}

// awaitCommits waits until the matcher's committer has put every renter's fills
// on chain, and returns the leases.
func (d *demo) awaitCommits(ctx context.Context, mk *demoMarket, m *api.Client, renters []solana.PrivateKey) ([]solana.PublicKey, error) {
	d.out.step("waiting for the committer to put the matches on chain")
	deadline := time.Now().Add(time.Minute)
	for _, r := range renters {
		for {
			st, err := m.Status(ctx, r.PublicKey(), 1)
			if err != nil {
				return nil, err
			}
			if st.Committed == st.Matched && st.Matched > 0 {
				for _, f := range st.Fills {
					fmt.Printf("✔ fill %s committed on chain\n    %s\n", f.Fill, d.out.cluster.ExplorerURL(f.Tx))
				}
				break
			}
			if time.Now().After(deadline) {
				return nil, fmt.Errorf("the committer did not commit order 1 of %s within a minute (status %s)", r.PublicKey(), st.Status)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	var leases []solana.PublicKey
	for _, r := range renters {
		ls, err := d.client.LeasesByRenter(ctx, mk.address, r.PublicKey())
		if err != nil {
			return nil, err
		}
		for _, l := range ls {
			leases = append(leases, l.Address)
		}
	}
	return leases, nil
}

// runLeases lets the leases accrue, settles them, has the studio end its lease
// early, and shows where every unit of money went.
func (d *demo) runLeases(ctx context.Context, mk *demoMarket, leases []solana.PublicKey) error {
	if err := d.showLeases(ctx, mk, leases); err != nil {
		return err
	}
	d.out.step("letting the leases run for 5 seconds (they accrue per second)")
	time.Sleep(5 * time.Second)
	for _, l := range leases {
		res, err := d.client.SettleLease(ctx, mk.matcher, l, client.SendOptions{})
		if err != nil {
			return err
		}
		d.out.tx("settled "+l.String(), res)
	}
	res, err := d.client.CancelLease(ctx, mk.studio, leases[1], client.SendOptions{})
	if err != nil {
		return err
	}
	d.out.tx("studio cancelled its lease early: provider paid to now, the rest refunded", res)
	if err := d.showLeases(ctx, mk, leases); err != nil {
		return err
	}
	return d.showBalances(ctx, mk)
}

func (d *demo) showLeases(ctx context.Context, mk *demoMarket, addrs []solana.PublicKey) error {
	var leases []client.LeaseAccount
	for _, a := range addrs {
		l, err := d.client.FetchLease(ctx, a)
		if err != nil {
			return err
		}
		leases = append(leases, client.LeaseAccount{Address: a, Lease: l})
	}
	fmt.Println("\nLeases")
	return printLeases(d.out, mk.marketContext, leases)
}

func (d *demo) showBalances(ctx context.Context, mk *demoMarket) error {
	rows := [][]string{{"WHO", "MINT", "AVAILABLE", "LOCKED"}}
	for _, p := range []struct {
		who string
		key solana.PublicKey
	}{{"ai-lab", mk.lab.PublicKey()}, {"studio", mk.studio.PublicKey()}, {"provider", mk.provider.PublicKey()}, {"treasury", mk.operator.PublicKey()}} {
		for _, mint := range []solana.PublicKey{mk.market.StableMint, mk.market.TokenMint} {
			b, err := d.client.FetchBalance(ctx, mk.address, p.key, mint)
			if errors.Is(err, client.ErrAccountNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			rows = append(rows, []string{p.who, mk.unit(mint), mk.amount(mint, b.Available), mk.amount(mint, b.Locked)})
		}
	}
	fmt.Println("\nBalances on the market")
	return d.out.grid(rows)
}

func skuNames(mask uint32) string {
	var names []string
	for _, g := range client.GPUs {
		if mask&(1<<uint32(g.SKU)) != 0 {
			names = append(names, g.Name)
		}
	}
	return strings.Join(names, " | ")
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
