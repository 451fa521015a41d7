package main

import (
	"fmt"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/urfave/cli/v2"
)

func marketCommand() *cli.Command {
	return &cli.Command{
		Name:  "market",
		Usage: "create and inspect markets (operator)",
		Subcommands: []*cli.Command{
			{
				Name:  "init",
				Usage: "create a market; the keypair becomes its authority and pays its rent",
				Flags: []cli.Flag{
					&cli.Uint64Flag{Name: "id", Value: 1, Usage: "market id (one authority may run several markets)"},
					&cli.StringFlag{Name: "stable-mint", Required: true, Usage: "stablecoin mint (e.g. USDC)"},
					&cli.StringFlag{Name: "token-mint", Required: true, Usage: "platform token mint"},
					&cli.StringFlag{Name: "treasury", Usage: "fee recipient (default: the authority)"},
					&cli.StringFlag{Name: "oracle", Usage: "token price oracle authority (default: the authority)"},
					&cli.StringFlag{Name: "matcher", Usage: "the matcher's key, the only one allowed to commit leases (default: the authority)"},
					&cli.UintFlag{Name: "fee-bps", Value: 250, Usage: "fee on leases paid in the stablecoin, in basis points"},
					&cli.UintFlag{Name: "token-fee-bps", Value: 100, Usage: "discounted fee on leases paid in the platform token"},
					&cli.UintFlag{Name: "miner-share-bps", Value: 2000, Usage: "share of fees paid to virtual miners"},
					&cli.DurationFlag{Name: "max-price-age", Value: 5 * time.Minute, Usage: "oldest token price accepted for conversions"},
					&cli.Uint64Flag{Name: "subsidy", Usage: "platform-token base units per GPU-hour served"},
				},
				Action: marketInit,
			},
			{
				Name:   "set-price",
				Usage:  "set the platform token's price (oracle authority)",
				Flags:  []cli.Flag{marketFlag, &cli.StringFlag{Name: "usd", Required: true, Usage: "price of one whole token in USD, e.g. 0.25"}},
				Action: marketSetPrice,
			},
			{
				Name:      "show",
				Usage:     "print a market's configuration and counters",
				ArgsUsage: "MARKET_ADDRESS",
				Action:    marketShow,
			},
		},
	}
}

func marketInit(c *cli.Context) error {
	s, err := openSession(c)
	if err != nil {
		return err
	}
	defer s.client.Close()
	stable, err := pubkeyFlag(c, "stable-mint")
	if err != nil {
		return err
	}
	tokenMint, err := pubkeyFlag(c, "token-mint")
	if err != nil {
		return err
	}
	treasury, oracle, matcher := s.signer.PublicKey(), s.signer.PublicKey(), s.signer.PublicKey()
	if c.IsSet("treasury") {
		if treasury, err = pubkeyFlag(c, "treasury"); err != nil {
			return err
		}
	}
	if c.IsSet("oracle") {
		if oracle, err = pubkeyFlag(c, "oracle"); err != nil {
			return err
		}
	}
	if c.IsSet("matcher") {
		if matcher, err = pubkeyFlag(c, "matcher"); err != nil {
			return err
		}
	}
	b := client.InitializeMarket{
		MarketID: c.Uint64("id"), StableMint: stable, TokenMint: tokenMint,
		Params: solgridmarket.MarketParams{
			Treasury: treasury, OracleAuthority: oracle, Matcher: matcher,
			FeeBpsStable: uint16(c.Uint("fee-bps")), FeeBpsToken: uint16(c.Uint("token-fee-bps")),
			MinerFeeShareBps:      uint16(c.Uint("miner-share-bps")),
			MaxPriceStalenessSecs: uint32(c.Duration("max-price-age") / time.Second),
			SubsidyPerGpuHour:     c.Uint64("subsidy"),
		},
	}
	s.out.step("creating market %d on %s", b.MarketID, s.cluster.RPC)
	addr, res, err := s.client.InitializeMarket(c.Context, s.signer, b, client.SendOptions{})
	if err != nil {
		return err
	}
	s.out.tx("market created", res)
	return showMarket(c, s, addr)
}

func marketShow(c *cli.Context) error {
	s, err := openSession(c)
	if err != nil {
		return err
	}
	defer s.client.Close()
	addr, err := solana.PublicKeyFromBase58(c.Args().First())
	if err != nil {
		return fmt.Errorf("market address %q: %w (usage: solgrid market show MARKET_ADDRESS)", c.Args().First(), err)
	}
	return showMarket(c, s, addr)
}

func showMarket(c *cli.Context, s *session, addr solana.PublicKey) error {
	m, err := s.client.FetchMarket(c.Context, addr)
	if err != nil {
		return err
	}
	return printMarket(s.out, addr, m)
}

func printMarket(out *output, addr solana.PublicKey, m *solgridmarket.Market) error {
	rows := [][2]string{
		{"address", addr.String()},
		{"market id", fmt.Sprint(m.MarketId)},
		{"authority", m.Authority.String()},
		{"treasury", m.Treasury.String()},
		{"stablecoin mint", m.StableMint.String()},
		{"platform token mint", m.TokenMint.String()},
		{"oracle authority", m.OracleAuthority.String()},
		{"matcher", m.Matcher.String()},
		{"stablecoin vault", m.StableVault.String()},
		{"platform token vault", m.TokenVault.String()},
		{"fee (stablecoin)", bps(m.FeeBpsStable)},
		{"fee (platform token)", bps(m.FeeBpsToken)},
		{"virtual-miner fee share", bps(m.MinerFeeShareBps)},
		{"token price", tokenPrice(m)},
		{"max price age", (time.Duration(m.MaxPriceStalenessSecs) * time.Second).String()},
		{"provider subsidy", fmt.Sprintf("%d base units / GPU-hour", m.SubsidyPerGpuHour)},
		{"leases committed", fmt.Sprint(m.LeasesCommitted)},
		{"created", time.Unix(m.CreatedAt, 0).UTC().Format(time.RFC3339)},
	}
	return out.table("Market", rows, map[string]any{"address": addr, "market": m})
}

func tokenPrice(m *solgridmarket.Market) string {
	if m.TokenPriceUpdatedAt == 0 {
		return "not set yet"
	}
	return fmt.Sprintf("%s per token (at %s)", usd(m.TokenPriceMicroUsd), time.Unix(m.TokenPriceUpdatedAt, 0).UTC().Format(time.RFC3339))
}

func pubkeyFlag(c *cli.Context, name string) (solana.PublicKey, error) {
	k, err := solana.PublicKeyFromBase58(c.String(name))
	if err != nil {
		return k, fmt.Errorf("--%s %q is not a base58 public key: %w", name, c.String(name), err)
	}
	return k, nil
}

func marketSetPrice(c *cli.Context) error {
	s, mc, err := openMarketSession(c)
	if err != nil {
		return err
	}
	defer s.client.Close()
	price, err := parseAmount(c.String("usd"), 6) // micro-USD
	if err != nil {
		return err
	}
	s.out.step("setting the token price to %s", usd(price))
	res, err := s.client.SetTokenPrice(c.Context, s.signer, client.SetTokenPrice{Market: mc.address, PriceMicroUsd: price}, client.SendOptions{})
	if err != nil {
		return err
	}
	s.out.tx("token price set to "+usd(price), res)
	return nil
}
