// Package pretrade decides whether an order may enter the book: a bid only if its
// owner's on-chain balance covers it, an ask only if its node can serve it.
package pretrade

import (
	"context"
	"errors"
	"fmt"
	"math/bits"

	"github.com/solgrid/solgrid/client/solgridmarket"
)

// ErrInsufficientBalance: the renter's available balance does not cover the bid.
var ErrInsufficientBalance = errors.New("available balance does not cover the bid")

// ErrNodeUnavailable: the ask's node is not the signer's or has no free GPUs.
var ErrNodeUnavailable = errors.New("the node cannot serve this ask")

// ErrMintNotAccepted: the bid pays in a mint the market does not take.
var ErrMintNotAccepted = errors.New("the market does not accept this payment mint")

// ErrFeeAboveLimit: the market's fee for the bid's payment mint is above the fee
// the renter signed for (max_fee_bps); the program would refuse every fill of it.
var ErrFeeAboveLimit = errors.New("the market's fee is above the bid's max_fee_bps")

// ErrOverflow: price × GPUs × hours (+ fee) does not fit in a u64, as on chain.
var ErrOverflow = errors.New("price × GPUs × hours overflows u64")

// Funds checks a bid against its owner's balance.
type Funds interface {
	CheckBid(ctx context.Context, bid *solgridmarket.Order) error
}

// Nodes checks an ask against its node and returns the node's reliability in bps.
type Nodes interface {
	CheckAsk(ctx context.Context, ask *solgridmarket.Order) (reliabilityBps uint16, err error)
}

// MaxCost is the most a bid can lock on chain: price × GPUs × max_hours plus the fee
// at feeBps (floor), in micro-USD, with the program's overflow rule.
func MaxCost(bid *solgridmarket.Order, feeBps uint16) (cost, fee uint64, err error) {
	hi, c := bits.Mul64(bid.LimitPrice, uint64(bid.GpuCount))
	if hi != 0 {
		return 0, 0, fmt.Errorf("order %d: %w", bid.OrderId, ErrOverflow)
	}
	hi, c = bits.Mul64(c, uint64(bid.MaxHours))
	if hi != 0 {
		return 0, 0, fmt.Errorf("order %d: %w", bid.OrderId, ErrOverflow)
	}
	fh, fl := bits.Mul64(c, uint64(feeBps))
	f, _ := bits.Div64(fh, fl, 10_000)
	if c+f < c {
		return 0, 0, fmt.Errorf("order %d: %w", bid.OrderId, ErrOverflow)
	}
	return c, f, nil
}

// AnyFunds accepts every bid; for benchmarks of the engine alone and for markets
// whose balances are checked elsewhere.
type AnyFunds struct{}

func (AnyFunds) CheckBid(context.Context, *solgridmarket.Order) error { return nil }

// UnregisteredNodes accepts every ask at full reliability: nodes are not on chain yet
// (a later issue registers them; then an implementation reads the Node account).
type UnregisteredNodes struct{}

func (UnregisteredNodes) CheckAsk(context.Context, *solgridmarket.Order) (uint16, error) {
	return 10_000, nil
}
