package book

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"github.com/solgrid/solgrid/client/solgridmarket"
)

// snapshot reads every key of the book into comparable Go values.
func (f *fixture) snapshot() map[string]any {
	f.t.Helper()
	keys, err := f.rdb.Keys(f.ctx, f.book.Keys().Prefix+"*").Result()
	if err != nil {
		f.t.Fatal(err)
	}
	sort.Strings(keys)
	out := map[string]any{}
	for _, k := range keys {
		typ := f.rdb.Type(f.ctx, k).Val()
		var v any
		switch typ {
		case "string":
			v = f.rdb.Get(f.ctx, k).Val()
		case "hash":
			v = f.rdb.HGetAll(f.ctx, k).Val()
		case "zset":
			v = f.rdb.ZRangeWithScores(f.ctx, k, 0, -1).Val()
		case "list":
			v = f.rdb.LRange(f.ctx, k, 0, -1).Val()
		case "stream":
			v = f.rdb.XRange(f.ctx, k, "-", "+").Val()
		default:
			f.t.Fatalf("key %s of type %s", k, typ)
		}
		out[k] = v
	}
	return out
}

// Redis killed with SIGKILL mid-run and restarted from its AOF has every order, fill
// and outbox entry the matcher was told about, and matching carries on.
func TestRedisCrashWithAOFLosesNothing(t *testing.T) {
	f := newFixture(t)
	rng := rand.New(rand.NewPCG(1, 2))
	traders := []trader{newTrader(), newTrader(), newTrader(), newTrader()}
	skus := []solgridmarket.GpuSku{H100, H200, L4}
	fills := 0
	for i := 0; i < 300; i++ {
		tr := traders[rng.IntN(len(traders))]
		price := uint64(900_000 + rng.IntN(200_000))
		if rng.IntN(2) == 0 {
			fills += len(f.ask(tr, skus[rng.IntN(3)], uint32(1+rng.IntN(8)), price).Fills)
		} else {
			fills += len(f.bid(tr, skus[:1+rng.IntN(3)], uint32(1+rng.IntN(8)), price).Fills)
		}
	}
	if fills == 0 {
		t.Fatal("the workload made no fills; the test would prove nothing about the outbox")
	}
	before := f.snapshot()
	if err := f.srv.Restart(f.ctx, true); err != nil {
		t.Fatal(err)
	}
	after := f.snapshot()
	if !reflect.DeepEqual(before, after) {
		for k, v := range before {
			if !reflect.DeepEqual(v, after[k]) {
				t.Errorf("key %s differs after restart:\n before %v\n after  %v", k, v, after[k])
			}
		}
		t.Fatalf("%d keys before, %d after", len(before), len(after))
	}
	if n := f.rdb.XLen(f.ctx, f.book.Keys().Outbox()).Val(); n != int64(fills) {
		t.Errorf("outbox has %d entries, %d fills were made", n, fills)
	}
	// matching goes on (the script cache is empty after the restart)
	f.ask(newTrader(), H100, 1, 1)
	if res := f.bid(newTrader(), sku(H100), 1, 10_000_000); len(res.Fills) == 0 {
		t.Error("no match after the restart")
	}
}
