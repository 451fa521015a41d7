// Package metrics holds the matcher's Prometheus instruments, shared by the API and
// the committer.
package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Metrics are the matcher's instruments, registered on their own registry.
type Metrics struct {
	Registry      *prometheus.Registry
	Orders        *prometheus.CounterVec // by side and result (accepted or an error code)
	Fills         prometheus.Counter
	Errors        *prometheus.CounterVec // API errors by code
	MatchSeconds  prometheus.Histogram
	Commits       *prometheus.CounterVec // commit transactions by result
	CommitSeconds prometheus.Histogram   // fill matched → lease confirmed on chain
	Leases        prometheus.Counter     // leases confirmed on chain
	Compensated   *prometheus.CounterVec // fills undone, by program error name
	OutboxPending prometheus.Gauge       // fills matched but not yet acknowledged on chain
}

// New creates the instruments on a fresh registry (with Go and process collectors).
func New() *Metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &Metrics{
		Registry: reg,
		Orders: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "solgrid_matcher_orders_total", Help: "Orders submitted, by side and result.",
		}, []string{"side", "result"}),
		Fills: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "solgrid_matcher_fills_total", Help: "Fills matched in the book.",
		}),
		Errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "solgrid_matcher_api_errors_total", Help: "API requests refused, by error code.",
		}, []string{"code"}),
		MatchSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "solgrid_matcher_match_seconds", Help: "Time of one match script call.",
			Buckets: prometheus.ExponentialBuckets(50e-6, 2, 14),
		}),
		Commits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "solgrid_matcher_commit_transactions_total", Help: "commit_leases transactions, by result.",
		}, []string{"result"}),
		CommitSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "solgrid_matcher_commit_latency_seconds", Help: "From a fill's match to its lease confirmed on chain.",
			Buckets: prometheus.ExponentialBuckets(0.05, 2, 12),
		}),
		Leases: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "solgrid_matcher_leases_committed_total", Help: "Leases confirmed on chain.",
		}),
		Compensated: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "solgrid_matcher_fills_compensated_total", Help: "Fills the chain refused for good, by program error.",
		}, []string{"error"}),
		OutboxPending: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "solgrid_matcher_outbox_pending", Help: "Fills in the outbox not yet acknowledged by the committer.",
		}),
	}
	reg.MustRegister(m.Orders, m.Fills, m.Errors, m.MatchSeconds, m.Commits, m.CommitSeconds, m.Leases, m.Compensated, m.OutboxPending)
	return m
}
