// Package api is the matcher's HTTP JSON API: submit signed orders, cancel them with a
// signed request, read orders, fills, book depth and leases, health and metrics.
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/gagliardetto/solana-go"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/metrics"
	"github.com/solgrid/solgrid/matcher/pretrade"
)

// Config wires the API to the book and the pre-trade checks.
type Config struct {
	Book    *book.Book
	Funds   pretrade.Funds   // nil: pretrade.AnyFunds
	Nodes   pretrade.Nodes   // nil: pretrade.UnregisteredNodes
	Metrics *metrics.Metrics // nil: a fresh set
	Log     zerolog.Logger
	// MaxBody bounds a request body (default 4 KiB; an order is well under 1 KiB).
	MaxBody int64
	// Chain, if set, adds each order's on-chain OrderState to its status.
	Chain OrderStates
	// MinLeaseMicroUSD refuses orders that could trade a lease worth less, per GPU
	// (limit price × min hours): the matcher pays the rent of every record a commit
	// creates, so dust trades would drain it. 0 = no minimum.
	MinLeaseMicroUSD uint64
}

// OrderStates reads orders' on-chain records (client.Client.FetchOrderState).
type OrderStates interface {
	FetchOrderState(ctx context.Context, market, owner solana.PublicKey, orderID uint64) (*solgridmarket.OrderState, error)
}

// Server serves the API.
type Server struct {
	book     *book.Book
	funds    pretrade.Funds
	nodes    pretrade.Nodes
	metrics  *metrics.Metrics
	log      zerolog.Logger
	maxBody  int64
	chain    OrderStates
	minLease uint64
	mux      *http.ServeMux
}

// New builds the server and its routes.
func New(cfg Config) *Server {
	s := &Server{book: cfg.Book, funds: cfg.Funds, nodes: cfg.Nodes, metrics: cfg.Metrics, log: cfg.Log, maxBody: cfg.MaxBody, chain: cfg.Chain, minLease: cfg.MinLeaseMicroUSD}
	if s.funds == nil {
		s.funds = pretrade.AnyFunds{}
	}
	if s.nodes == nil {
		s.nodes = pretrade.UnregisteredNodes{}
	}
	if s.metrics == nil {
		s.metrics = metrics.New()
	}
	if s.maxBody == 0 {
		s.maxBody = 4 << 10
	}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST /v1/orders", s.submit)
	s.mux.HandleFunc("POST /v1/orders/cancel", s.cancel)
	s.mux.HandleFunc("GET /v1/orders/{owner}/{order_id}", s.orderStatus)
	s.mux.HandleFunc("GET /v1/book/{sku}", s.depth)
	s.mux.HandleFunc("GET /v1/wallets/{wallet}/leases", s.leases)
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.Registry, promhttp.HandlerOpts{}))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, errorf(http.StatusNotFound, CodeNotFound, "no route %s %s", r.Method, r.URL.Path))
	})
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// readJSON decodes a size-limited body strictly (unknown fields are an error, as a
// misspelt field would otherwise silently take its zero value).
func (s *Server) readJSON(w http.ResponseWriter, r *http.Request, v any) *Error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return errorf(http.StatusRequestEntityTooLarge, CodeBodyTooLarge, "request body over %d bytes", s.maxBody)
	}
	if err != nil {
		return badRequest(CodeBadJSON, "read body: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRequest(CodeBadJSON, "body is not the expected JSON: %v", err)
	}
	return nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2e9)
	defer cancel()
	if err := s.book.Redis().Ping(ctx).Err(); err != nil {
		s.fail(w, errorf(http.StatusServiceUnavailable, CodeUnavailable, "redis: %v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "market": s.book.Market().String()})
}
