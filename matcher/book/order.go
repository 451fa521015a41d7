package book

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Order statuses in the book.
const (
	StatusOpen      = "open"      // resting, matchable
	StatusFilled    = "filled"    // every GPU matched (commits may still be pending)
	StatusCancelled = "cancelled" // cancelled by its owner through the API
	StatusExpired   = "expired"   // swept at its expiry
	StatusRemoved   = "removed"   // taken off because the chain refused one of its fills
)

// Order is an order as the book holds it.
type Order struct {
	Seq         string
	Side        solgridmarket.Side
	Owner       solana.PublicKey
	OrderID     uint64
	SKUMask     uint32
	Price       uint64
	GPUs        uint32 // as signed
	Remaining   uint32 // not yet matched
	MinHours    uint32
	MaxHours    uint32
	Region      uint16
	Reliability uint16 // bid: minimum wanted; ask: the node's
	ExpiresAt   int64
	Status      string
	Reason      string // why it was removed
}

// Matched is how many of the order's GPUs the book has matched.
func (o *Order) Matched() uint32 { return o.GPUs - o.Remaining }

var orderFields = []string{"q", "rl", "st", "why", "sg", "b1", "b2", "b3"}

// OrderBySeq reads an order by its sequence number.
func (b *Book) OrderBySeq(ctx context.Context, seq string) (*Order, error) {
	v, err := b.rdb.HMGet(ctx, b.keys.Order(seq), orderFields...).Result()
	if err != nil {
		return nil, fmt.Errorf("read order %s: %w", seq, err)
	}
	so, err := b.decodeSigned(seq, v[4:])
	if err != nil {
		return nil, err
	}
	f := func(i int) string { s, _ := v[i].(string); return s }
	u := func(i int) uint64 { n, _ := strconv.ParseUint(f(i), 10, 64); return n }
	o := &so.Order
	rel := o.MinReliabilityBps
	if o.Side == solgridmarket.Side_Ask {
		rel = uint16(u(1))
	}
	return &Order{
		Seq: seq, Side: o.Side, Owner: o.Owner, OrderID: o.OrderId, SKUMask: o.SkuMask, Price: o.LimitPrice,
		GPUs: o.GpuCount, Remaining: uint32(u(0)), MinHours: o.MinHours, MaxHours: o.MaxHours,
		Region: o.Region, Reliability: rel, ExpiresAt: o.ExpiresAt, Status: f(2), Reason: f(3),
	}, nil
}

// decodeSigned rebuilds the signed order from its signature and order bytes (stored
// without the market) and the book's constants.
func (b *Book) decodeSigned(seq string, parts []any) (*solgridmarket.SignedOrder, error) {
	raw := make([]byte, 0, 64+16+176)
	for i, p := range parts {
		s, ok := p.(string)
		if !ok {
			return nil, fmt.Errorf("order %s: %w", seq, ErrNotFound)
		}
		raw = append(raw, s...)
		if i == 0 { // after the signature: the domain and the market
			raw = append(append(raw, client.OrderDomain...), b.market[:]...)
		}
	}
	so, err := solgridmarket.UnmarshalSignedOrder(raw)
	if err != nil {
		return nil, fmt.Errorf("decode signed order %s: %w", seq, err)
	}
	return so, nil
}

// Order reads an order by owner and order id.
func (b *Book) Order(ctx context.Context, owner solana.PublicKey, orderID uint64) (*Order, error) {
	seq, err := b.SeqOf(ctx, owner, orderID)
	if err != nil {
		return nil, err
	}
	return b.OrderBySeq(ctx, seq)
}

// SeqOf finds the sequence number of an owner's order id.
func (b *Book) SeqOf(ctx context.Context, owner solana.PublicKey, orderID uint64) (string, error) {
	seq, err := b.rdb.HGet(ctx, b.keys.IDs(), ref(owner, orderID)).Result()
	if errors.Is(err, redis.Nil) {
		return "", fmt.Errorf("order %d of %s: %w", orderID, owner, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("look up order %d of %s: %w", orderID, owner, err)
	}
	return seq, nil
}

// SignedOrder returns the order exactly as its owner signed it.
func (b *Book) SignedOrder(ctx context.Context, seq string) (*solgridmarket.SignedOrder, error) {
	parts, err := b.rdb.HMGet(ctx, b.keys.Order(seq), "sg", "b1", "b2", "b3").Result()
	if err != nil {
		return nil, fmt.Errorf("read signed order %s: %w", seq, err)
	}
	return b.decodeSigned(seq, parts)
}
