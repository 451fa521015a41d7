package pretrade

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

func TestMaxCostIsPriceTimesGPUsTimesMaxHoursPlusFlooredFee(t *testing.T) {
	bid := &solgridmarket.Order{LimitPrice: 1_000_003, GpuCount: 3, MaxHours: 7}
	cost, fee, err := MaxCost(bid, 250)
	if err != nil || cost != 21_000_063 || fee != 525_001 { // 21000063 × 0.025 = 525001.575
		t.Fatalf("cost %d fee %d err %v", cost, fee, err)
	}
	huge := &solgridmarket.Order{LimitPrice: 1 << 40, GpuCount: 1 << 16, MaxHours: 1 << 10}
	if _, _, err := MaxCost(huge, 0); !errors.Is(err, ErrOverflow) {
		t.Errorf("2^66: %v", err)
	}
}

func TestTokenPriceConversionRoundsUpForTheRenter(t *testing.T) {
	m := &solgridmarket.Market{StableMint: solana.NewWallet().PublicKey(), TokenMint: solana.NewWallet().PublicKey(), TokenPriceMicroUsd: 3_000_000}
	if n, err := convert(m, 6, m.StableMint, 1_234); err != nil || n != 1_234 {
		t.Errorf("stable: %d %v", n, err)
	}
	// $1 at $3/token with 6 decimals = 333333.33… → 333334
	if n, err := convert(m, 6, m.TokenMint, 1_000_000); err != nil || n != 333_334 {
		t.Errorf("token: %d %v", n, err)
	}
	if _, err := convert(m, 6, solana.NewWallet().PublicKey(), 1); !errors.Is(err, ErrMintNotAccepted) {
		t.Errorf("other mint: %v", err)
	}
}

func TestBalanceIsCachedForTTL(t *testing.T) {
	now := time.Unix(1_000, 0)
	reads, balance := 0, uint64(10_000_000)
	f := &BalanceFunds{
		TTL:   2 * time.Second,
		Clock: func() time.Time { return now },
		Source: func(context.Context, solana.PublicKey, solana.PublicKey) (uint64, error) {
			reads++
			return balance, nil
		},
	}
	bid := &solgridmarket.Order{Owner: solana.NewWallet().PublicKey(), LimitPrice: 1_000_000, GpuCount: 2, MaxHours: 5}
	if err := f.CheckBid(context.Background(), bid); err != nil {
		t.Fatal(err)
	}
	balance = 0 // spent elsewhere; the cache still says 10
	if err := f.CheckBid(context.Background(), bid); err != nil || reads != 1 {
		t.Fatalf("within TTL: %v, %d reads", err, reads)
	}
	now = now.Add(3 * time.Second)
	if err := f.CheckBid(context.Background(), bid); !errors.Is(err, ErrInsufficientBalance) || reads != 2 {
		t.Fatalf("after TTL: %v, %d reads", err, reads)
	}
}

// The bid's signed cap is compared with the fee of its own payment mint, before
// any balance is read; at the cap it passes, one bps under it is refused.
func TestBidCappingTheFeeBelowTheMarketsFeeIsRefused(t *testing.T) {
	m := &solgridmarket.Market{StableMint: solana.NewWallet().PublicKey(), TokenMint: solana.NewWallet().PublicKey(),
		TokenPriceMicroUsd: 1_000_000, FeeBpsStable: 250, FeeBpsToken: 100}
	reads := 0
	f := &BalanceFunds{
		Source: func(context.Context, solana.PublicKey, solana.PublicKey) (uint64, error) {
			reads++
			return 1 << 60, nil
		},
		FeeBps: func(mint solana.PublicKey) uint16 {
			if mint == m.TokenMint {
				return m.FeeBpsToken
			}
			return m.FeeBpsStable
		},
		Convert: func(_ context.Context, mint solana.PublicKey, microUSD uint64) (uint64, error) {
			return convert(m, 6, mint, microUSD)
		},
	}
	cases := []struct {
		mint   solana.PublicKey
		maxFee uint16
		want   error
	}{
		{m.StableMint, 250, nil},
		{m.StableMint, 249, ErrFeeAboveLimit},
		{m.TokenMint, 100, nil}, // the token's lower fee, not the stablecoin's
		{m.TokenMint, 99, ErrFeeAboveLimit},
		{solana.NewWallet().PublicKey(), 10_000, ErrMintNotAccepted},
	}
	for _, c := range cases {
		reads = 0
		bid := &solgridmarket.Order{Owner: solana.NewWallet().PublicKey(), LimitPrice: 1_000_000, GpuCount: 1, MaxHours: 1,
			PaymentMint: c.mint, MaxFeeBps: c.maxFee, Side: solgridmarket.Side_Bid}
		err := f.CheckBid(context.Background(), bid)
		if (c.want == nil && err != nil) || (c.want != nil && !errors.Is(err, c.want)) {
			t.Errorf("mint %s cap %d: %v, want %v", c.mint, c.maxFee, err, c.want)
		}
		if c.want != nil && reads != 0 {
			t.Errorf("mint %s cap %d: balance read for a refused bid", c.mint, c.maxFee)
		}
	}
}
