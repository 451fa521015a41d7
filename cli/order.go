package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/api"
	"github.com/urfave/cli/v2"
)

var matcherURLFlag = &cli.StringFlag{Name: "matcher-url", EnvVars: []string{"SOLGRID_MATCHER"}, Value: "http://127.0.0.1:8080", Usage: "the matcher's API"}

// orderFlags are what bids and asks share.
func orderFlags(gpuUsage, priceUsage string) []cli.Flag {
	return []cli.Flag{
		marketFlag, matcherURLFlag,
		&cli.StringFlag{Name: "gpu", Required: true, Usage: gpuUsage},
		&cli.UintFlag{Name: "count", Required: true, Usage: "number of GPUs"},
		&cli.StringFlag{Name: "price", Required: true, Usage: priceUsage},
		&cli.StringFlag{Name: "hours", Value: "1-24", Usage: "lease length in hours: N or MIN-MAX"},
		&cli.UintFlag{Name: "region", Usage: "region code (bids: 0 = any)"},
		&cli.DurationFlag{Name: "expires", Value: 24 * time.Hour, Usage: "how long the order stays valid"},
		&cli.Uint64Flag{Name: "id", Usage: "order id (default: the current time in nanoseconds)"},
	}
}

func renterCommand() *cli.Command {
	return &cli.Command{
		Name:  "renter",
		Usage: "rent GPUs: sign a bid and send it to the matcher",
		Subcommands: []*cli.Command{{
			Name:  "bid",
			Usage: "bid for GPU time (your deposit must cover price × GPUs × hours + fee)",
			Flags: append(orderFlags("accepted GPUs, comma-separated (e.g. h100-sxm,h200)", "most you pay per GPU-hour in USD, e.g. 2.50"),
				&cli.StringFlag{Name: "pay", Value: "stable", Usage: "pay in stable (USDC) or token (SGT, lower fee)"},
				&cli.UintFlag{Name: "max-fee-bps", Usage: "highest market fee you accept, in basis points; signed, so the market cannot raise it on you (default: the market's current fee for --pay)"}),
			Action: func(c *cli.Context) error { return placeOrder(c, solgridmarket.Side_Bid) },
		}},
	}
}

func providerCommand() *cli.Command {
	return &cli.Command{
		Name:  "provider",
		Usage: "rent out GPUs: sign an ask and send it to the matcher",
		Subcommands: []*cli.Command{{
			Name:  "ask",
			Usage: "offer GPUs of one node",
			Flags: append(orderFlags("the node's GPU (e.g. rtx4090)", "least you take per GPU-hour in USD, e.g. 0.35"),
				&cli.StringFlag{Name: "node", Required: true, Usage: "the node's address"},
				&cli.StringFlag{Name: "accept", Value: "any", Usage: "payment accepted: any, stable or token"}),
			Action: func(c *cli.Context) error { return placeOrder(c, solgridmarket.Side_Ask) },
		}},
	}
}

func placeOrder(c *cli.Context, side solgridmarket.Side) error {
	s, mc, err := openMarketSession(c)
	if err != nil {
		return err
	}
	defer s.client.Close()
	o, err := orderFromFlags(c, mc, side)
	if err != nil {
		return err
	}
	o.Owner = s.signer.PublicKey()
	if side == solgridmarket.Side_Bid {
		s.out.step("max fee %d bps (the market charges %d bps in %s now)", o.MaxFeeBps, mc.feeBps(o.PaymentMint), mc.unit(o.PaymentMint))
	}
	signed, err := client.SignOrder(o, s.signer)
	if err != nil {
		return err
	}
	s.out.step("sending %s order %d to %s", strings.ToLower(side.String()), o.OrderId, c.String("matcher-url"))
	res, err := api.NewClient(c.String("matcher-url")).Submit(c.Context, &signed)
	if err != nil {
		return err
	}
	if s.out.json {
		return s.out.encode(res)
	}
	fmt.Printf("✔ order %d %s: %d of %d GPUs still open\n", o.OrderId, res.Status, res.Remaining, o.GpuCount)
	for _, f := range res.Fills {
		fmt.Printf("    matched %d× %s for %d h at %s/GPU-h (fill %s; the matcher commits it on chain)\n", f.GPUs, f.SKU, f.Hours, usdString(f.Price), f.Fill)
	}
	return nil
}

// orderFromFlags builds the unsigned order the flags describe.
func orderFromFlags(c *cli.Context, mc *marketContext, side solgridmarket.Side) (solgridmarket.Order, error) {
	o := solgridmarket.Order{Market: mc.address, Side: side, Version: client.OrderVersion,
		GpuCount: uint32(c.Uint("count")), Region: uint16(c.Uint("region")), OrderId: c.Uint64("id"),
		ExpiresAt: time.Now().Add(c.Duration("expires")).Unix()}
	if o.OrderId == 0 {
		o.OrderId = uint64(time.Now().UnixNano())
	}
	var err error
	for _, key := range strings.Split(c.String("gpu"), ",") {
		g, err := client.ParseGPU(strings.TrimSpace(key))
		if err != nil {
			return o, err
		}
		o.SkuMask |= client.SKUMask(g.SKU)
	}
	if o.LimitPrice, err = parseAmount(c.String("price"), 6); err != nil {
		return o, fmt.Errorf("--price: %w", err)
	}
	if o.MinHours, o.MaxHours, err = parseHours(c.String("hours")); err != nil {
		return o, err
	}
	if side == solgridmarket.Side_Bid {
		if o.PaymentMint, err = mc.mint(c.String("pay")); err != nil {
			return o, err
		}
		o.MaxFeeBps, err = maxFeeBps(c.IsSet("max-fee-bps"), c.Uint("max-fee-bps"), mc.feeBps(o.PaymentMint))
		return o, err
	}
	if o.Node, err = solana.PublicKeyFromBase58(c.String("node")); err != nil {
		return o, fmt.Errorf("--node %q: %w", c.String("node"), err)
	}
	if accept := c.String("accept"); accept != "any" {
		o.PaymentMint, err = mc.mint(accept)
	}
	return o, err
}

// maxFeeBps is the bid's signed fee cap: --max-fee-bps if given, else the
// market's current fee for the bid's mint (which a later raise cannot exceed).
func maxFeeBps(set bool, flag uint, marketFee uint16) (uint16, error) {
	if !set {
		return marketFee, nil
	}
	if flag > client.MaxBps {
		return 0, fmt.Errorf("--max-fee-bps %d: at most %d (100%%)", flag, client.MaxBps)
	}
	return uint16(flag), nil
}

// parseHours reads "N" or "MIN-MAX".
func parseHours(s string) (uint32, uint32, error) {
	lo, hi, isRange := strings.Cut(s, "-")
	if !isRange {
		hi = lo
	}
	min, err1 := strconv.ParseUint(strings.TrimSpace(lo), 10, 32)
	max, err2 := strconv.ParseUint(strings.TrimSpace(hi), 10, 32)
	if err1 != nil || err2 != nil || min == 0 || min > max {
		return 0, 0, fmt.Errorf("--hours %q: want N or MIN-MAX with 1 ≤ MIN ≤ MAX", s)
	}
	return uint32(min), uint32(max), nil
}

func usdString(n api.Num) string {
	v, err := strconv.ParseUint(string(n), 10, 64)
	if err != nil {
		return string(n)
	}
	return usd(v)
}

func orderCommand() *cli.Command {
	return &cli.Command{
		Name:  "order",
		Usage: "follow or cancel your orders",
		Subcommands: []*cli.Command{
			{
				Name: "status", Usage: "an order, its fills and their state on chain", ArgsUsage: "ORDER_ID",
				Flags: []cli.Flag{matcherURLFlag}, Action: orderStatus,
			},
			{
				Name: "cancel", Usage: "take an order off the book; --on-chain also refuses every later fill on chain", ArgsUsage: "ORDER_ID",
				Flags:  []cli.Flag{marketFlag, matcherURLFlag, &cli.BoolFlag{Name: "on-chain", Usage: "also cancel on chain (costs a transaction; binding even against a misbehaving matcher)"}},
				Action: orderCancel,
			},
		},
	}
}

// openOrderSession is openSession plus the ORDER_ID argument.
func openOrderSession(c *cli.Context) (*session, uint64, error) {
	id, err := strconv.ParseUint(c.Args().First(), 10, 64)
	if err != nil {
		return nil, 0, fmt.Errorf("order id %q: want the number you placed the order with", c.Args().First())
	}
	s, err := openSession(c)
	return s, id, err
}

func orderStatus(c *cli.Context) error {
	s, id, err := openOrderSession(c)
	if err != nil {
		return err
	}
	defer s.client.Close()
	st, err := api.NewClient(c.String("matcher-url")).Status(c.Context, s.signer.PublicKey(), id)
	if err != nil {
		return err
	}
	if s.out.json {
		return s.out.encode(st)
	}
	rows := [][2]string{{"status", st.Status}, {"side", st.Side}, {"GPUs", strings.Join(st.SKUs, ", ")},
		{"limit", usdString(st.Price) + " per GPU-hour"},
		{"quantity", fmt.Sprintf("%d GPUs: %d open, %d matched, %d committed on chain", st.GPUs, st.Remaining, st.Matched, st.Committed)}}
	if st.OnChain != nil {
		rows = append(rows, [2]string{"on chain", fmt.Sprintf("%d GPUs filled, cancelled %v", st.OnChain.FilledGPUs, st.OnChain.Cancelled)})
	}
	for _, f := range st.Fills {
		rows = append(rows, [2]string{"fill " + f.Fill, fmt.Sprintf("%d× %s, %d h at %s: %s %s", f.GPUs, f.SKU, f.Hours, usdString(f.Price), f.Status, f.Reason)})
	}
	return s.out.table(fmt.Sprintf("Order %d", id), rows, st)
}

func orderCancel(c *cli.Context) error {
	s, id, err := openOrderSession(c)
	if err != nil {
		return err
	}
	defer s.client.Close()
	market, err := pubkeyFlag(c, "market")
	if err != nil {
		return err
	}
	if err := api.NewClient(c.String("matcher-url")).Cancel(c.Context, market, s.signer, id); err != nil {
		return err
	}
	fmt.Printf("✔ order %d taken off the book\n", id)
	if !c.Bool("on-chain") {
		return nil
	}
	res, err := s.client.CancelOrder(c.Context, s.signer, market, id, client.SendOptions{})
	if err != nil {
		return err
	}
	s.out.tx(fmt.Sprintf("order %d cancelled on chain", id), res)
	return nil
}
