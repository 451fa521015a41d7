package pretrade

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// BalanceSource reads a wallet's available balance in one mint (base units), e.g.
// from its on-chain Balance account; a missing account is 0, not an error.
type BalanceSource func(ctx context.Context, owner, mint solana.PublicKey) (uint64, error)

// Converter turns micro-USD into base units of mint (the platform token at the oracle
// price, rounded up as the program does); the stablecoin converts 1:1.
type Converter func(ctx context.Context, mint solana.PublicKey, microUSD uint64) (uint64, error)

// BalanceFunds accepts a bid when the market's fee for its mint is within the fee the
// renter signed for, and the owner's available balance covers its largest possible
// lease plus fee. Balances are cached for TTL so a burst of bids costs one RPC.
type BalanceFunds struct {
	Source  BalanceSource
	Convert Converter // nil: every mint is a 1:1 micro-USD stablecoin
	FeeBps  func(mint solana.PublicKey) uint16
	TTL     time.Duration
	Clock   func() time.Time

	mu    sync.Mutex
	cache map[[64]byte]cached
}

type cached struct {
	available uint64
	at        time.Time
}

func (f *BalanceFunds) CheckBid(ctx context.Context, bid *solgridmarket.Order) error {
	var feeBps uint16
	if f.FeeBps != nil {
		feeBps = f.FeeBps(bid.PaymentMint)
	}
	cost, fee, err := MaxCost(bid, feeBps)
	if err != nil {
		return err
	}
	need := cost + fee
	if f.Convert != nil {
		if need, err = f.Convert(ctx, bid.PaymentMint, need); err != nil {
			return fmt.Errorf("bid %d: price in %s: %w", bid.OrderId, bid.PaymentMint, err)
		}
	}
	// After Convert, which refuses a mint the market does not take.
	if feeBps > bid.MaxFeeBps {
		return fmt.Errorf("bid %d accepts at most %d bps, the market charges %d bps in %s: %w",
			bid.OrderId, bid.MaxFeeBps, feeBps, bid.PaymentMint, ErrFeeAboveLimit)
	}
	avail, err := f.available(ctx, bid.Owner, bid.PaymentMint)
	if err != nil {
		return err
	}
	if avail < need {
		return fmt.Errorf("bid %d needs %d of %s, %s has %d available: %w", bid.OrderId, need, bid.PaymentMint, bid.Owner, avail, ErrInsufficientBalance)
	}
	return nil
}

func (f *BalanceFunds) available(ctx context.Context, owner, mint solana.PublicKey) (uint64, error) {
	clock := f.Clock
	if clock == nil {
		clock = time.Now
	}
	var key [64]byte
	copy(key[:32], owner[:])
	copy(key[32:], mint[:])
	f.mu.Lock()
	c, ok := f.cache[key]
	f.mu.Unlock()
	if ok && clock().Sub(c.at) < f.TTL {
		return c.available, nil
	}
	avail, err := f.Source(ctx, owner, mint)
	if err != nil {
		return 0, fmt.Errorf("balance of %s in %s: %w", owner, mint, err)
	}
	f.mu.Lock()
	if f.cache == nil {
		f.cache = map[[64]byte]cached{}
	}
	f.cache[key] = cached{available: avail, at: clock()}
	f.mu.Unlock()
	return avail, nil
}
