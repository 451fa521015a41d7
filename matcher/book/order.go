package book

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
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
	SubmittedAt int64
	Status      string
	Reason      string // why it was removed
}

// Matched is how many of the order's GPUs the book has matched.
func (o *Order) Matched() uint32 { return o.GPUs - o.Remaining }

var orderFields = []string{"s", "m", "p", "n", "q", "lo", "hi", "r", "rl", "x", "t", "st", "why", "o", "id"}

// OrderBySeq reads an order by its sequence number.
func (b *Book) OrderBySeq(ctx context.Context, seq string) (*Order, error) {
	v, err := b.rdb.HMGet(ctx, b.keys.Order(seq), orderFields...).Result()
	if err != nil {
		return nil, fmt.Errorf("read order %s: %w", seq, err)
	}
	if v[0] == nil {
		return nil, fmt.Errorf("order %s: %w", seq, ErrNotFound)
	}
	f := func(i int) string { s, _ := v[i].(string); return s }
	u := func(i int) uint64 { n, _ := strconv.ParseUint(f(i), 10, 64); return n }
	price, err := parseHexPrice(f(2))
	if err != nil {
		return nil, err
	}
	owner, err := solana.PublicKeyFromBase58(f(13))
	if err != nil {
		return nil, fmt.Errorf("order %s owner: %w", seq, err)
	}
	side := solgridmarket.Side_Bid
	if f(0) == "a" {
		side = solgridmarket.Side_Ask
	}
	exp, _ := strconv.ParseInt(f(9), 10, 64)
	at, _ := strconv.ParseInt(f(10), 10, 64)
	return &Order{
		Seq: seq, Side: side, Owner: owner, OrderID: u(14), SKUMask: uint32(u(1)), Price: price,
		GPUs: uint32(u(3)), Remaining: uint32(u(4)), MinHours: uint32(u(5)), MaxHours: uint32(u(6)),
		Region: uint16(u(7)), Reliability: uint16(u(8)), ExpiresAt: exp, SubmittedAt: at,
		Status: f(11), Reason: f(12),
	}, nil
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
	raw, err := b.rdb.Get(ctx, b.keys.Signed(seq)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("signed order %s: %w", seq, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read signed order %s: %w", seq, err)
	}
	so, err := solgridmarket.UnmarshalSignedOrder(raw)
	if err != nil {
		return nil, fmt.Errorf("decode signed order %s: %w", seq, err)
	}
	return so, nil
}
