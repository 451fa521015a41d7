package book

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/redisserver"
)

const (
	H100 = solgridmarket.GpuSku_H100Sxm
	H200 = solgridmarket.GpuSku_H200
	L4   = solgridmarket.GpuSku_L4
)

// fixture is a book on a private redis-server with a clock the test moves.
type fixture struct {
	t      *testing.T
	ctx    context.Context
	srv    *redisserver.Server
	rdb    *redis.Client
	book   *Book
	market solana.PublicKey
	mint   solana.PublicKey
	now    atomic.Int64
	nextID atomic.Uint64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	srv, err := redisserver.Start(ctx, redisserver.Config{Dir: t.TempDir(), Logger: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	t.Cleanup(func() { rdb.Close() })
	f := &fixture{t: t, ctx: ctx, srv: srv, rdb: rdb, market: solana.NewWallet().PublicKey(), mint: solana.NewWallet().PublicKey()}
	f.now.Store(1_700_000_000)
	f.book = New(rdb, f.market, Options{Clock: f.clock, ExpiryMargin: 10 * time.Second})
	if err := f.book.Load(ctx); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) clock() time.Time { return time.Unix(f.now.Load(), 0) }

// trader is a wallet that signs orders.
type trader struct{ key solana.PrivateKey }

func newTrader() trader { return trader{key: solana.NewWallet().PrivateKey} }

func (tr trader) pub() solana.PublicKey { return tr.key.PublicKey() }

// orderOpt adjusts an order before it is signed.
type orderOpt func(*solgridmarket.Order)

func hours(lo, hi uint32) orderOpt {
	return func(o *solgridmarket.Order) { o.MinHours, o.MaxHours = lo, hi }
}
func region(r uint16) orderOpt          { return func(o *solgridmarket.Order) { o.Region = r } }
func minRel(bps uint16) orderOpt        { return func(o *solgridmarket.Order) { o.MinReliabilityBps = bps } }
func expires(at int64) orderOpt         { return func(o *solgridmarket.Order) { o.ExpiresAt = at } }
func payIn(m solana.PublicKey) orderOpt { return func(o *solgridmarket.Order) { o.PaymentMint = m } }
func orderID(id uint64) orderOpt        { return func(o *solgridmarket.Order) { o.OrderId = id } }
func maxFee(bps uint16) orderOpt        { return func(o *solgridmarket.Order) { o.MaxFeeBps = bps } }

func (f *fixture) order(tr trader, side solgridmarket.Side, mask uint32, gpus uint32, price uint64, opts ...orderOpt) solgridmarket.SignedOrder {
	f.t.Helper()
	o := solgridmarket.Order{
		Market: f.market, Owner: tr.pub(), OrderId: f.nextID.Add(1), LimitPrice: price,
		ExpiresAt: f.now.Load() + 3600, SkuMask: mask, GpuCount: gpus, MinHours: 1, MaxHours: 24,
		Side: side, Version: client.OrderVersion,
	}
	if side == solgridmarket.Side_Bid {
		o.PaymentMint, o.MaxFeeBps = f.mint, 250
	} else {
		o.Node = solana.NewWallet().PublicKey()
	}
	for _, opt := range opts {
		opt(&o)
	}
	so, err := client.SignOrder(o, tr.key)
	if err != nil {
		f.t.Fatal(err)
	}
	return so
}

func (f *fixture) submit(so solgridmarket.SignedOrder) *SubmitResult {
	f.t.Helper()
	return f.submitRel(so, 10_000)
}

func (f *fixture) submitRel(so solgridmarket.SignedOrder, rel uint16) *SubmitResult {
	f.t.Helper()
	res, err := f.book.Submit(f.ctx, &so, rel)
	if err != nil {
		f.t.Fatal(err)
	}
	return res
}

func (f *fixture) ask(tr trader, sku solgridmarket.GpuSku, gpus uint32, price uint64, opts ...orderOpt) *SubmitResult {
	f.t.Helper()
	return f.submit(f.order(tr, solgridmarket.Side_Ask, client.SKUMask(sku), gpus, price, opts...))
}

func (f *fixture) bid(tr trader, skus []solgridmarket.GpuSku, gpus uint32, price uint64, opts ...orderOpt) *SubmitResult {
	f.t.Helper()
	return f.submit(f.order(tr, solgridmarket.Side_Bid, client.SKUMask(skus...), gpus, price, opts...))
}

func (f *fixture) remaining(seq string) uint32 {
	f.t.Helper()
	o, err := f.book.OrderBySeq(f.ctx, seq)
	if err != nil {
		f.t.Fatal(err)
	}
	return o.Remaining
}

func (f *fixture) status(seq string) string {
	f.t.Helper()
	o, err := f.book.OrderBySeq(f.ctx, seq)
	if err != nil {
		f.t.Fatal(err)
	}
	return o.Status
}

// fillsOf summarises matches as (resting seq, GPUs, price) triples.
type got struct {
	counter string
	gpus    uint32
	price   uint64
}

func summary(r *SubmitResult) []got {
	out := []got{}
	for _, m := range r.Fills {
		out = append(out, got{m.Counter, m.GPUs, m.Price})
	}
	return out
}
