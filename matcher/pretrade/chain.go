package pretrade

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// ChainFunds checks bids against the renters' Balance accounts on chain, cached for
// ttl, with the market's fees and, for the platform token, its oracle price (read
// once here; the program re-checks the fresh price at commit).
func ChainFunds(ctx context.Context, c *client.Client, marketAddr solana.PublicKey, ttl time.Duration) (*BalanceFunds, error) {
	m, err := c.FetchMarket(ctx, marketAddr)
	if err != nil {
		return nil, err
	}
	decimals, err := mintDecimals(ctx, c, m.TokenMint)
	if err != nil {
		return nil, err
	}
	return &BalanceFunds{
		TTL: ttl,
		Source: func(ctx context.Context, owner, mint solana.PublicKey) (uint64, error) {
			b, err := c.FetchBalance(ctx, marketAddr, owner, mint)
			if errors.Is(err, client.ErrAccountNotFound) {
				return 0, nil
			}
			if err != nil {
				return 0, err
			}
			return b.Available, nil
		},
		FeeBps: func(mint solana.PublicKey) uint16 {
			if mint == m.TokenMint {
				return m.FeeBpsToken
			}
			return m.FeeBpsStable
		},
		Convert: func(_ context.Context, mint solana.PublicKey, microUSD uint64) (uint64, error) {
			return convert(m, decimals, mint, microUSD)
		},
	}, nil
}

// convert prices micro-USD in mint: the stablecoin 1:1, the token at
// ceil(micro_usd × 10^decimals / price), as the program does.
func convert(m *solgridmarket.Market, decimals uint8, mint solana.PublicKey, microUSD uint64) (uint64, error) {
	switch mint {
	case m.StableMint:
		return microUSD, nil
	case m.TokenMint:
		if m.TokenPriceMicroUsd == 0 {
			return 0, errors.New("the market has no token price yet")
		}
		n := new(big.Int).Mul(new(big.Int).SetUint64(microUSD), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil))
		d := new(big.Int).SetUint64(m.TokenPriceMicroUsd)
		n.Add(n, new(big.Int).Sub(d, big.NewInt(1)))
		n.Div(n, d)
		if !n.IsUint64() {
			return 0, ErrOverflow
		}
		return n.Uint64(), nil
	}
	return 0, fmt.Errorf("mint %s: %w", mint, ErrMintNotAccepted)
}

func mintDecimals(ctx context.Context, c *client.Client, mint solana.PublicKey) (uint8, error) {
	acct, err := c.RPC.GetAccountInfoWithOpts(ctx, mint, &rpc.GetAccountInfoOpts{Commitment: rpc.CommitmentConfirmed})
	if err != nil {
		return 0, fmt.Errorf("mint %s: %w", mint, err)
	}
	data := acct.Value.Data.GetBinary()
	if len(data) < 45 {
		return 0, fmt.Errorf("mint %s: %d bytes is not a mint", mint, len(data))
	}
	return data[44], nil // SPL Mint: decimals after supply
}
