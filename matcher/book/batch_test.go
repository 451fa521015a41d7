package book

import (
	"context"
	"errors"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"

	"github.com/redis/go-redis/v9"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// batchWorkload signs a random stream of orders meant to hit every rule inside one
// batch: few traders (self-trades, owner limits), multi-SKU bids, region, hours,
// reliability and mint filters, short-lived orders, and repeated order ids.
func batchWorkload(f *fixture, rng *rand.Rand, n int) (orders []solgridmarket.SignedOrder, rels []uint16) {
	traders := []trader{newTrader(), newTrader(), newTrader(), newTrader(), newTrader()}
	otherMint := solana.NewWallet().PublicKey()
	skus := []solgridmarket.GpuSku{H100, H200, L4}
	for i := 0; i < n; i++ {
		if i > 0 && rng.IntN(15) == 0 { // a repeated id: refused as a duplicate
			orders = append(orders, orders[rng.IntN(len(orders))])
			rels = append(rels, rels[len(rels)-1])
			continue
		}
		tr := traders[rng.IntN(len(traders))]
		price := uint64(900_000 + rng.IntN(200_000))
		opts := []orderOpt{hours(uint32(1+rng.IntN(4)), uint32(4+rng.IntN(40)))}
		if rng.IntN(4) == 0 {
			opts = append(opts, region(uint16(rng.IntN(3))))
		}
		if rng.IntN(5) == 0 {
			opts = append(opts, expires(f.now.Load()+int64(5+rng.IntN(60)))) // some expire before the second phase
		}
		var so solgridmarket.SignedOrder
		if rng.IntN(2) == 0 {
			if rng.IntN(6) == 0 {
				opts = append(opts, payIn(otherMint)) // an ask wanting the other mint
			}
			so = f.order(tr, solgridmarket.Side_Ask, client.SKUMask(skus[rng.IntN(3)]), uint32(1+rng.IntN(8)), price, opts...)
		} else {
			if rng.IntN(4) == 0 {
				opts = append(opts, minRel(uint16(rng.IntN(10_000))))
			}
			so = f.order(tr, solgridmarket.Side_Bid, client.SKUMask(skus[:1+rng.IntN(3)]...), uint32(1+rng.IntN(8)), price, opts...)
		}
		orders = append(orders, so)
		rels = append(rels, uint16(rng.IntN(10_001)))
	}
	return orders, rels
}

// normalised is a book snapshot with the outbox reduced to its entries' values (their
// ids are Redis' clock).
func (f *fixture) normalised() map[string]any {
	snap := f.snapshot()
	for k, v := range snap {
		if msgs, ok := v.([]redis.XMessage); ok {
			vals := []map[string]any{}
			for _, m := range msgs {
				vals = append(vals, m.Values)
			}
			snap[k] = vals
		}
	}
	return snap
}

type outcome struct {
	res *SubmitResult
	err error
}

// Orders matched in one script call leave the book, the outbox and their results exactly
// as the same orders submitted one at a time.
func TestBatchMatchesEachOrderAsIfAlone(t *testing.T) {
	alone, batched := newFixture(t), newFixture(t)
	// the same market, so the same keys and signatures
	batched.market = alone.market
	for _, f := range []*fixture{alone, batched} {
		f.book = New(f.rdb, alone.market, Options{Clock: f.clock, ExpiryMargin: 10 * time.Second, MaxOpenPerOwner: 12})
		if err := f.book.Load(f.ctx); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(11, 12))
	phases := [][]solgridmarket.SignedOrder{}
	phaseRels := [][]uint16{}
	for p := 0; p < 3; p++ {
		o, r := batchWorkload(alone, rng, 150)
		phases, phaseRels = append(phases, o), append(phaseRels, r)
	}
	fills := 0
	for p, orders := range phases {
		var want, got []outcome
		for i := range orders {
			res, err := alone.book.Submit(alone.ctx, &orders[i], phaseRels[p][i])
			want = append(want, outcome{res, errors.Unwrap(err)})
			if res != nil {
				fills += len(res.Fills)
			}
		}
		batch := make([]*call, len(orders))
		for i := range orders {
			args, err := batched.book.orderArgs(&orders[i], phaseRels[p][i])
			if err != nil {
				t.Fatal(err)
			}
			batch[i] = &call{ctx: batched.ctx, args: args}
		}
		batched.book.matchBatch(batch)
		for _, c := range batch {
			got = append(got, outcome{c.res, c.err})
		}
		if !reflect.DeepEqual(want, got) {
			for i := range want {
				if !reflect.DeepEqual(want[i], got[i]) {
					t.Errorf("phase %d order %d: alone %+v %v, batched %+v %v", p, i, want[i].res, want[i].err, got[i].res, got[i].err)
				}
			}
			t.FailNow()
		}
		a, b := alone.normalised(), batched.normalised()
		if !reflect.DeepEqual(a, b) {
			for k := range a {
				if !reflect.DeepEqual(a[k], b[k]) {
					t.Errorf("phase %d key %s:\n alone   %v\n batched %v", p, k, a[k], b[k])
				}
			}
			t.Fatalf("phase %d: %d keys alone, %d batched", p, len(a), len(b))
		}
		// the next phase meets expired resting orders
		alone.now.Add(40)
		batched.now.Add(40)
	}
	if fills < 100 {
		t.Fatalf("only %d fills: the workload does not exercise matching", fills)
	}
}

// Concurrent Submits (batched) keep the book consistent: every order's matched GPUs
// equal the GPUs of its fills, every fill is in the outbox once, and no order is lost.
func TestConcurrentSubmitsKeepTheBookConsistent(t *testing.T) {
	f := newFixture(t)
	f.book = New(f.rdb, f.market, Options{Clock: f.clock, MaxBatch: 16, MaxInFlight: 2})
	rng := rand.New(rand.NewPCG(3, 4))
	orders, rels := batchWorkload(f, rng, 600)
	var wg sync.WaitGroup
	var mu sync.Mutex
	seqs := map[string]bool{}
	next := make(chan int, len(orders))
	for i := range orders {
		next <- i
	}
	close(next)
	for w := 0; w < 24; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res, err := f.book.Submit(context.Background(), &orders[i], rels[i])
				if err != nil && !errors.Is(err, ErrDuplicate) && !errors.Is(err, ErrExpired) && !errors.Is(err, ErrOwnerLimit) {
					t.Error(err)
					return
				}
				if res != nil {
					mu.Lock()
					if seqs[res.Seq] {
						t.Errorf("sequence %s given twice", res.Seq)
					}
					seqs[res.Seq] = true
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	matched := map[string]uint32{}
	fills := 0
	for seq := range seqs {
		fs, err := f.book.OrderFills(f.ctx, seq)
		if err != nil {
			t.Fatal(err)
		}
		for _, fl := range fs {
			if fl.BidSeq == seq {
				matched[seq] += fl.GPUs
				fills++
			} else if fl.AskSeq == seq {
				matched[seq] += fl.GPUs
			}
		}
	}
	for seq := range seqs {
		o, err := f.book.OrderBySeq(f.ctx, seq)
		if err != nil {
			t.Fatal(err)
		}
		if o.Matched() != matched[seq] {
			t.Errorf("order %s: matched %d GPUs, its fills hold %d", seq, o.Matched(), matched[seq])
		}
		if (o.Remaining == 0) != (o.Status == StatusFilled) && o.Status != StatusExpired {
			t.Errorf("order %s: %d GPUs left, status %s", seq, o.Remaining, o.Status)
		}
	}
	if n := f.rdb.XLen(f.ctx, f.book.Keys().Outbox()).Val(); n != int64(fills) || fills == 0 {
		t.Errorf("outbox has %d entries for %d fills", n, fills)
	}
}
