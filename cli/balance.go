package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/urfave/cli/v2"
)

var marketFlag = &cli.StringFlag{Name: "market", EnvVars: []string{"SOLGRID_MARKET"}, Required: true, Usage: "market address"}

var mintFlag = &cli.StringFlag{Name: "mint", Value: "stable", Usage: "stable (the stablecoin), token (the platform token) or a mint address"}

func balanceCommand() *cli.Command {
	return &cli.Command{
		Name:  "balance",
		Usage: "your funds on a market: show, deposit, withdraw (renters, providers)",
		Subcommands: []*cli.Command{
			{Name: "show", Usage: "available and locked funds in both mints", Flags: []cli.Flag{marketFlag}, Action: balanceShow},
			{
				Name: "deposit", Usage: "move tokens from your wallet into the market",
				Flags:  []cli.Flag{marketFlag, mintFlag, &cli.StringFlag{Name: "amount", Required: true, Usage: "whole units, e.g. 250.5"}},
				Action: func(c *cli.Context) error { return moveFunds(c, true) },
			},
			{
				Name: "withdraw", Usage: "move available (not locked) funds back to your wallet",
				Flags:  []cli.Flag{marketFlag, mintFlag, &cli.StringFlag{Name: "amount", Required: true, Usage: "whole units, e.g. 250.5"}},
				Action: func(c *cli.Context) error { return moveFunds(c, false) },
			},
		},
	}
}

// marketContext is a market and what is needed to show amounts in its mints.
type marketContext struct {
	address solana.PublicKey
	market  *solgridmarket.Market
}

// openMarketSession is openSession plus the market named by --market.
func openMarketSession(c *cli.Context) (*session, *marketContext, error) {
	s, err := openSession(c)
	if err != nil {
		return nil, nil, err
	}
	mc, err := loadMarket(c.Context, s, c.String("market"))
	if err != nil {
		s.client.Close()
		return nil, nil, err
	}
	return s, mc, nil
}

func loadMarket(ctx context.Context, s *session, address string) (*marketContext, error) {
	addr, err := solana.PublicKeyFromBase58(address)
	if err != nil {
		return nil, fmt.Errorf("--market %q is not a base58 address: %w", address, err)
	}
	m, err := s.client.FetchMarket(ctx, addr)
	if err != nil {
		return nil, fmt.Errorf("%w (is --market a Solgrid market on %s?)", err, s.cluster.RPC)
	}
	return &marketContext{address: addr, market: m}, nil
}

// mint resolves "stable", "token" or an address to one of the market's mints.
func (mc *marketContext) mint(name string) (solana.PublicKey, error) {
	switch name {
	case "stable", "usdc":
		return mc.market.StableMint, nil
	case "token":
		return mc.market.TokenMint, nil
	}
	k, err := solana.PublicKeyFromBase58(name)
	if err != nil || (k != mc.market.StableMint && k != mc.market.TokenMint) {
		return solana.PublicKey{}, fmt.Errorf("--mint %q: use stable, token, %s or %s", name, mc.market.StableMint, mc.market.TokenMint)
	}
	return k, nil
}

func (mc *marketContext) decimals(mint solana.PublicKey) uint8 {
	if mint == mc.market.TokenMint {
		return mc.market.TokenDecimals
	}
	return 6
}

// feeBps is the market's current fee in mint (the token's is discounted).
func (mc *marketContext) feeBps(mint solana.PublicKey) uint16 {
	if mint == mc.market.TokenMint {
		return mc.market.FeeBpsToken
	}
	return mc.market.FeeBpsStable
}

// unit names a mint of the market for people.
func (mc *marketContext) unit(mint solana.PublicKey) string {
	if mint == mc.market.StableMint {
		return "USDC"
	}
	return "SGT"
}

// amount formats base units of one of the market's mints; stablecoin amounts
// are dollars (one base unit is one micro-USD).
func (mc *marketContext) amount(mint solana.PublicKey, base uint64) string {
	if mint == mc.market.StableMint {
		return usd(base) + " USDC"
	}
	return tokens(base, mc.market.TokenDecimals, "SGT")
}

func balanceShow(c *cli.Context) error {
	s, mc, err := openMarketSession(c)
	if err != nil {
		return err
	}
	defer s.client.Close()
	return showBalances(c.Context, s, mc)
}

func showBalances(ctx context.Context, s *session, mc *marketContext) error {
	owner := s.signer.PublicKey()
	var rows [][2]string
	out := map[string]any{"owner": owner}
	for _, mint := range []solana.PublicKey{mc.market.StableMint, mc.market.TokenMint} {
		b, err := s.client.FetchBalance(ctx, mc.address, owner, mint)
		switch {
		case errors.Is(err, client.ErrAccountNotFound):
			rows = append(rows, [2]string{mc.unit(mint), "no balance yet (deposit to open one)"})
		case err != nil:
			return err
		default:
			rows = append(rows, [2]string{mc.unit(mint), fmt.Sprintf("available %s, locked %s", mc.amount(mint, b.Available), mc.amount(mint, b.Locked))})
			out[mc.unit(mint)] = b
		}
	}
	return s.out.table("Balances of "+owner.String(), rows, out)
}

func moveFunds(c *cli.Context, deposit bool) error {
	s, mc, err := openMarketSession(c)
	if err != nil {
		return err
	}
	defer s.client.Close()
	mint, err := mc.mint(c.String("mint"))
	if err != nil {
		return err
	}
	amount, err := parseAmount(c.String("amount"), mc.decimals(mint))
	if err != nil {
		return err
	}
	var res *client.Result
	if deposit {
		s.out.step("depositing %s", mc.amount(mint, amount))
		res, err = s.client.Deposit(c.Context, s.signer, client.Deposit{Market: mc.address, Mint: mint, Amount: amount}, client.SendOptions{})
	} else {
		s.out.step("withdrawing %s", mc.amount(mint, amount))
		res, err = s.client.Withdraw(c.Context, s.signer, client.Withdraw{Market: mc.address, Mint: mint, Amount: amount}, client.SendOptions{})
	}
	if err != nil {
		return err
	}
	s.out.tx(fmt.Sprintf("moved %s", mc.amount(mint, amount)), res)
	return showBalances(c.Context, s, mc)
}
