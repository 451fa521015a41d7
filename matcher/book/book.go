// Package book is the matcher's order book in Redis: order hashes, one lexicographic
// sorted set per SKU and side with price–time priority, and matching in one Lua script
// per incoming order that also appends every fill to a Redis Stream outbox.
package book

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/solgrid/solgrid/client"
)

// Options tune a Book; zero values take the defaults.
type Options struct {
	// Clock is the matcher's time (tests move it).
	Clock func() time.Time
	// ExpiryMargin: an order expiring within it is no longer matched, so that the
	// commit transaction can land before the program refuses it as expired.
	ExpiryMargin time.Duration
	// MaxScan bounds the resting orders one match examines (skipped ones included),
	// which bounds the script's time when the top of the book is incompatible.
	MaxScan int
	// MaxOpenPerOwner bounds one wallet's resting orders.
	MaxOpenPerOwner int
	// MaxBatch bounds the orders one match script call takes (Submits queued while
	// MaxInFlight calls run); 1 matches every order in a call of its own.
	MaxBatch int
	// MaxInFlight bounds the match script calls running at once.
	MaxInFlight int
}

func (o *Options) defaults() {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.ExpiryMargin == 0 {
		o.ExpiryMargin = 30 * time.Second
	}
	if o.MaxScan == 0 {
		o.MaxScan = 1000
	}
	if o.MaxOpenPerOwner == 0 {
		o.MaxOpenPerOwner = 10_000
	}
	if o.MaxBatch == 0 {
		o.MaxBatch = 64
	}
	if o.MaxInFlight == 0 {
		o.MaxInFlight = 2
	}
}

// Book is one market's order book.
type Book struct {
	rdb     redis.UniversalClient
	market  solana.PublicKey
	keys    Keys
	opts    Options
	batcher *batcher
}

// Errors a caller can tell apart.
var (
	ErrDuplicate  = errors.New("an order with this id was already submitted by this owner")
	ErrOwnerLimit = errors.New("the owner has too many resting orders")
	ErrExpired    = errors.New("the order expires too soon to be matched and committed")
	ErrNotFound   = errors.New("no such order")
	ErrNotOpen    = errors.New("the order is no longer open")
)

// New returns the book of market on rdb; call Load before use.
func New(rdb redis.UniversalClient, market solana.PublicKey, opts Options) *Book {
	opts.defaults()
	b := &Book{rdb: rdb, market: market, keys: KeysFor(market), opts: opts}
	b.batcher = &batcher{run: b.matchBatch, maxBatch: opts.MaxBatch, maxInFlight: opts.MaxInFlight}
	return b
}

// Load puts the scripts into the server's script cache.
func (b *Book) Load(ctx context.Context) error {
	for _, s := range allScripts {
		if err := s.load(ctx, b.rdb); err != nil {
			return err
		}
	}
	return nil
}

func (b *Book) Market() solana.PublicKey     { return b.market }
func (b *Book) Keys() Keys                   { return b.keys }
func (b *Book) Redis() redis.UniversalClient { return b.rdb }

// Cutoff is the expiry at or before which an order is no longer matched.
func (b *Book) Cutoff() int64 {
	return b.opts.Clock().Add(b.opts.ExpiryMargin).Unix()
}

// Cancel takes an open order off the book and returns the GPUs it still offered or wanted.
// Fills already matched stay: they are committed on chain regardless.
func (b *Book) Cancel(ctx context.Context, owner solana.PublicKey, orderID uint64) (uint32, error) {
	res, err := cancelScript.run(ctx, b.rdb, []string{b.keys.Seq()}, b.keys.Prefix, client.SKUCount, ref(owner, orderID))
	if err != nil {
		return 0, fmt.Errorf("cancel order %d of %s: %w", orderID, owner, err)
	}
	switch str(res, 0) {
	case "ok":
		return uint32(num(res, 2)), nil
	case "not_found":
		return 0, fmt.Errorf("cancel order %d of %s: %w", orderID, owner, ErrNotFound)
	default:
		return 0, fmt.Errorf("cancel order %d of %s (%s): %w", orderID, owner, str(res, 2), ErrNotOpen)
	}
}

// Sweep removes up to limit expired orders from the book and returns how many it removed.
func (b *Book) Sweep(ctx context.Context, limit int) (int, error) {
	res, err := sweepScript.run(ctx, b.rdb, []string{b.keys.Seq()}, b.keys.Prefix, client.SKUCount, b.Cutoff(), limit)
	if err != nil {
		return 0, fmt.Errorf("sweep expired orders: %w", err)
	}
	return int(num(res, 0)), nil
}

func ref(owner solana.PublicKey, orderID uint64) string {
	return fmt.Sprintf("%s:%d", owner, orderID)
}
