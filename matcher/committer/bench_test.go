package committer

import (
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/solgrid/solgrid/matcher/matchertest"
)

// BenchmarkCommitLeases (f): leases committed per second on the localnet, through the
// outbox, packing and 4 transactions in flight. Each op is 64 fills of new 1-GPU bids
// against asks already stored on chain (the steady state of a busy book: a provider's
// ask outlives many bids), timed from the match until the outbox is drained.
// legacy: legacy transactions only; alt: batches that do not fit one go as v0 through
// the lookup table. leases/tx counts commit transactions, leases/tx-all also the
// table's create and extend transactions.
func BenchmarkCommitLeases(b *testing.B) {
	for _, mode := range []struct {
		name   string
		legacy bool
	}{{"legacy", true}, {"alt", false}} {
		b.Run(mode.name, func(b *testing.B) { benchCommitLeases(b, mode.legacy) })
	}
}

func benchCommitLeases(b *testing.B, legacyOnly bool) {
	s := matchertest.New(b, matchertest.Options{Renters: 8, Providers: 8})
	for _, p := range s.Providers {
		s.Submit(b, s.Ask(b, p, 500, 2_000_000))
	}
	// one fill per ask stores every ask on chain
	for i := range s.Providers {
		s.Submit(b, s.Bid(b, s.Renters[i], 1, 2_500_000, 1))
	}
	m, c, _ := startWith(b, s, func(cfg *Config) { cfg.LegacyOnly = legacyOnly })
	s.WaitDrained(b, time.Minute)
	txs0 := testutil.ToFloat64(m.Commits.WithLabelValues("committed"))
	var tableTxs0 int64
	if c.table != nil {
		tableTxs0 = c.table.transactions.Load()
	}
	const perOp = 64
	var elapsed time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		for j := 0; j < perOp; j++ {
			s.Submit(b, s.Bid(b, s.Renters[j%len(s.Renters)], 1, 2_500_000, 1))
		}
		s.WaitDrained(b, time.Minute)
		elapsed += time.Since(start)
	}
	b.StopTimer()
	txs := testutil.ToFloat64(m.Commits.WithLabelValues("committed")) - txs0
	var tableTxs float64
	if c.table != nil {
		tableTxs = float64(c.table.transactions.Load() - tableTxs0)
	}
	b.ReportMetric(float64(perOp*b.N)/elapsed.Seconds(), "leases/s")
	b.ReportMetric(float64(perOp*b.N)/txs, "leases/tx")
	b.ReportMetric(float64(perOp*b.N)/(txs+tableTxs), "leases/tx-all")
}
