package book

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/redisserver"
)

// Benchmarks run against an ephemeral (no AOF) redis-server so they measure the engine,
// not the disk; the no-op EVAL ceiling runs against the same kind of server.

const benchClients = 50 // as redis-benchmark's default -c

type benchEnv struct {
	srv    *redisserver.Server
	rdb    *redis.Client
	book   *Book
	market solana.PublicKey
	mint   solana.PublicKey
	owners []solana.PublicKey
	nextID uint64
	mu     sync.Mutex
}

func newBenchEnv(b *testing.B) *benchEnv {
	b.Helper()
	ctx := context.Background()
	srv, err := redisserver.Start(ctx, redisserver.Config{Dir: b.TempDir(), Ephemeral: true, Logger: zerolog.Nop()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Stop)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr(), PoolSize: benchClients * 2})
	b.Cleanup(func() { rdb.Close() })
	e := &benchEnv{srv: srv, rdb: rdb, market: solana.NewWallet().PublicKey(), mint: solana.NewWallet().PublicKey()}
	e.book = New(rdb, e.market, Options{MaxOpenPerOwner: 1 << 30})
	if err := e.book.Load(ctx); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 500; i++ {
		e.owners = append(e.owners, solana.NewWallet().PublicKey())
	}
	return e
}

var benchSKUs = []solgridmarket.GpuSku{H100, H200, L4, solgridmarket.GpuSku_Rtx4090}

const mid = 2_000_000

// orderKind is the workload's mix.
type orderKind int

const (
	restingAsk orderKind = iota
	restingBid
	crossingAsk
	crossingBid
)

// makeOrder builds an unsigned order (the engine does not verify signatures; the API does).
func (e *benchEnv) makeOrder(rng *rand.Rand, kind orderKind) *solgridmarket.SignedOrder {
	e.mu.Lock()
	e.nextID++
	id := e.nextID
	e.mu.Unlock()
	o := solgridmarket.Order{
		Market: e.market, Owner: e.owners[rng.IntN(len(e.owners))], OrderId: id,
		ExpiresAt: time.Now().Add(24 * time.Hour).Unix(), GpuCount: uint32(1 + rng.IntN(8)),
		MinHours: 1, MaxHours: uint32(1 + rng.IntN(72)), Version: client.OrderVersion,
	}
	sku := benchSKUs[rng.IntN(len(benchSKUs))]
	switch kind {
	case restingAsk, crossingAsk:
		o.Side, o.SkuMask, o.Node = solgridmarket.Side_Ask, client.SKUMask(sku), e.owners[0]
		o.LimitPrice = mid + 1 + uint64(rng.IntN(100_000))
		if kind == crossingAsk {
			o.LimitPrice = mid - 100_000
		}
	default:
		o.Side, o.SkuMask, o.PaymentMint, o.MaxFeeBps = solgridmarket.Side_Bid, client.SKUMask(sku), e.mint, 250
		if rng.IntN(3) == 0 { // a third of the bids accept a second SKU
			o.SkuMask |= client.SKUMask(benchSKUs[rng.IntN(len(benchSKUs))])
		}
		o.LimitPrice = mid - 1 - uint64(rng.IntN(100_000))
		if kind == crossingBid {
			o.LimitPrice = mid + 100_000
		}
	}
	return &solgridmarket.SignedOrder{Order: o}
}

// mixed is the realistic mix: 60% resting (asks and bids), 40% crossing.
func (e *benchEnv) mixed(rng *rand.Rand) *solgridmarket.SignedOrder {
	r := rng.IntN(10)
	switch {
	case r < 3:
		return e.makeOrder(rng, restingAsk)
	case r < 6:
		return e.makeOrder(rng, restingBid)
	case r < 8:
		return e.makeOrder(rng, crossingAsk)
	default:
		return e.makeOrder(rng, crossingBid)
	}
}

// submitAll pushes orders through Submit from benchClients goroutines.
func (e *benchEnv) submitAll(b *testing.B, orders []*solgridmarket.SignedOrder) (fills int) {
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := make(chan *solgridmarket.SignedOrder, len(orders))
	for _, o := range orders {
		next <- o
	}
	close(next)
	for w := 0; w < benchClients; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for o := range next {
				res, err := e.book.Submit(ctx, o, 10_000)
				if err != nil {
					b.Error(err)
					return
				}
				n += len(res.Fills)
			}
			mu.Lock()
			fills += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	return fills
}

// noopEvalCeiling runs redis-benchmark's EVAL of a script that does nothing.
func noopEvalCeiling(b *testing.B, addr string) float64 {
	b.Helper()
	host, port, _ := strings.Cut(addr, ":")
	out, err := exec.Command("redis-benchmark", "-h", host, "-p", port, "-c", strconv.Itoa(benchClients),
		"-n", "200000", "--csv", "EVAL", "return 1", "0").CombinedOutput()
	if err != nil {
		b.Fatalf("redis-benchmark (apt-get install redis-tools): %v\n%s", err, out)
	}
	rows, err := csv.NewReader(strings.NewReader(string(out))).ReadAll()
	if err != nil || len(rows) < 2 || len(rows[1]) < 2 {
		b.Fatalf("redis-benchmark output %q: %v", out, err)
	}
	rps, err := strconv.ParseFloat(rows[1][1], 64)
	if err != nil {
		b.Fatalf("redis-benchmark rps %q: %v", rows[1][1], err)
	}
	return rps
}

// BenchmarkNoopEvalCeiling (a): the most script calls per second this Redis serves.
func BenchmarkNoopEvalCeiling(b *testing.B) {
	// One redis-benchmark run (200k calls) whatever b.N: its own count is what matters.
	e := newBenchEnv(b)
	b.ReportMetric(noopEvalCeiling(b, e.srv.Addr()), "evals/s")
}

// BenchmarkEngineMixed (b): orders/s through the Lua matcher, 60% resting and 40%
// crossing over four SKUs, 50 concurrent clients, on a book seeded with 10k orders;
// and its ratio to the no-op EVAL ceiling measured on the same server. Concurrent
// Submits share match script calls (orders/evalsha says how many per call), so the
// ratio compares orders through the engine with script calls of the ceiling: what a
// client gets from the engine against the most script calls this Redis can serve.
func BenchmarkEngineMixed(b *testing.B) {
	e := newBenchEnv(b)
	rng := rand.New(rand.NewPCG(7, 7))
	seed := make([]*solgridmarket.SignedOrder, 10_000)
	for i := range seed {
		seed[i] = e.makeOrder(rng, orderKind(i%2)) // resting asks and bids
	}
	e.submitAll(b, seed)
	ceiling := noopEvalCeiling(b, e.srv.Addr())
	const batch = 5_000
	calls0 := evalshaCalls(b, e.rdb)
	var elapsed time.Duration
	fills := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		orders := make([]*solgridmarket.SignedOrder, batch)
		for j := range orders {
			orders[j] = e.mixed(rng)
		}
		b.StartTimer()
		start := time.Now()
		fills += e.submitAll(b, orders)
		elapsed += time.Since(start)
	}
	rate := float64(batch*b.N) / elapsed.Seconds()
	b.ReportMetric(float64(batch*b.N)/float64(evalshaCalls(b, e.rdb)-calls0), "orders/evalsha")
	b.ReportMetric(rate, "orders/s")
	b.ReportMetric(float64(fills)/float64(batch*b.N), "fills/order")
	b.ReportMetric(ceiling, "noop-evals/s")
	b.ReportMetric(100*rate/ceiling, "%-of-ceiling")
}

// matchLatency seeds depth resting asks in one SKU book and times sequential crossing
// bids that each take one GPU from the top of the book.
func matchLatency(b *testing.B, depth int) {
	e := newBenchEnv(b)
	rng := rand.New(rand.NewPCG(3, 3))
	seed := make([]*solgridmarket.SignedOrder, depth)
	for i := range seed {
		o := e.makeOrder(rng, restingAsk)
		o.Order.SkuMask, o.Order.GpuCount = client.SKUMask(H100), 8
		seed[i] = o
	}
	e.submitAll(b, seed)
	ctx := context.Background()
	// A fixed number of samples whatever b.N: seeding dominates, percentiles need enough.
	const samples = 5_000
	var lat []time.Duration
	b.ResetTimer()
	{
		for j := 0; j < samples; j++ {
			o := e.makeOrder(rng, crossingBid)
			o.Order.SkuMask, o.Order.GpuCount = client.SKUMask(H100), 1
			start := time.Now()
			res, err := e.book.Submit(ctx, o, 0)
			lat = append(lat, time.Since(start))
			if err != nil || len(res.Fills) != 1 {
				b.Fatalf("crossing bid: %+v, %v", res, err)
			}
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkMatchLatency (d): p50/p99 of one match at 1k and 300k resting asks.
func BenchmarkMatchLatency(b *testing.B) {
	for _, depth := range []int{1_000, 300_000} {
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) { matchLatency(b, depth) })
	}
}

func usedMemory(b *testing.B, rdb *redis.Client) int64 {
	info, err := rdb.Info(context.Background(), "memory").Result()
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(info, "\r\n") {
		if v, ok := strings.CutPrefix(line, "used_memory:"); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			return n
		}
	}
	b.Fatal("INFO memory has no used_memory")
	return 0
}

// BenchmarkMemoryPerRestingOrder (e): Redis memory per resting order (INFO memory delta
// over 100k non-crossing asks and bids, a third of the bids in two SKU books).
func BenchmarkMemoryPerRestingOrder(b *testing.B) {
	// Measured once whatever b.N (100k orders are enough for a stable per-order figure).
	const n = 100_000
	var perOrder float64
	{
		e := newBenchEnv(b)
		rng := rand.New(rand.NewPCG(5, 5))
		orders := make([]*solgridmarket.SignedOrder, n)
		for j := range orders {
			orders[j] = e.makeOrder(rng, orderKind(j%2))
		}
		before := usedMemory(b, e.rdb)
		e.submitAll(b, orders)
		perOrder = float64(usedMemory(b, e.rdb)-before) / n
		e.srv.Stop()
	}
	b.ReportMetric(perOrder, "bytes/order")
}

// evalshaCalls is the server's count of EVALSHA calls so far.
func evalshaCalls(b *testing.B, rdb *redis.Client) int64 {
	info, err := rdb.Info(context.Background(), "commandstats").Result()
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(info, "\r\n") {
		if v, ok := strings.CutPrefix(line, "cmdstat_evalsha:calls="); ok {
			n, _ := strconv.ParseInt(v[:strings.IndexByte(v, ',')], 10, 64)
			return n
		}
	}
	return 0
}
