package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/pretrade"
	"github.com/solgrid/solgrid/matcher/redisserver"
)

// apiFeeBps is the market fee of the fixture's funds check, and its bids' fee cap.
const apiFeeBps = 250

type apiFixture struct {
	t      *testing.T
	http   *httptest.Server
	book   *book.Book
	market solana.PublicKey
	mint   solana.PublicKey
	funds  map[solana.PublicKey]uint64
	nextID atomic.Uint64
}

func newAPI(t *testing.T, withFunds bool) *apiFixture {
	t.Helper()
	ctx := context.Background()
	srv, err := redisserver.Start(ctx, redisserver.Config{Dir: t.TempDir(), Logger: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	t.Cleanup(func() { rdb.Close() })
	f := &apiFixture{t: t, market: solana.NewWallet().PublicKey(), mint: solana.NewWallet().PublicKey(), funds: map[solana.PublicKey]uint64{}}
	f.book = book.New(rdb, f.market, book.Options{MaxOpenPerOwner: 3})
	if err := f.book.Load(ctx); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Book: f.book, Log: zerolog.Nop(), MaxBody: 2048}
	if withFunds {
		cfg.Funds = &pretrade.BalanceFunds{
			Source: func(_ context.Context, owner, _ solana.PublicKey) (uint64, error) { return f.funds[owner], nil },
			FeeBps: func(solana.PublicKey) uint16 { return apiFeeBps },
		}
	}
	f.http = httptest.NewServer(New(cfg))
	t.Cleanup(f.http.Close)
	return f
}

func (f *apiFixture) order(key solana.PrivateKey, side solgridmarket.Side, gpus uint32, price uint64) solgridmarket.SignedOrder {
	f.t.Helper()
	o := solgridmarket.Order{
		Market: f.market, Owner: key.PublicKey(), OrderId: f.nextID.Add(1), LimitPrice: price,
		ExpiresAt: time.Now().Add(time.Hour).Unix(), SkuMask: client.SKUMask(solgridmarket.GpuSku_H100Sxm),
		GpuCount: gpus, MinHours: 1, MaxHours: 10, Side: side, Version: client.OrderVersion,
	}
	if side == solgridmarket.Side_Bid {
		o.PaymentMint, o.MaxFeeBps = f.mint, apiFeeBps
	} else {
		o.Node = solana.NewWallet().PublicKey()
	}
	so, err := client.SignOrder(o, key)
	if err != nil {
		f.t.Fatal(err)
	}
	return so
}

func (f *apiFixture) do(method, path string, body any) (int, map[string]any) {
	f.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			f.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, f.http.URL+path, rd)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(resp.Body)
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(raw, &out); err != nil {
			f.t.Fatalf("%s %s: response %q: %v", method, path, raw, err)
		}
	}
	return resp.StatusCode, out
}

func (f *apiFixture) submit(so solgridmarket.SignedOrder) (int, map[string]any) {
	f.t.Helper()
	return f.do("POST", "/v1/orders", NewSubmitRequest(&so))
}

// wantError asserts the status and the machine-readable code of a refusal.
func wantError(t *testing.T, what string, status int, body map[string]any, wantStatus int, wantCode string) {
	t.Helper()
	e, _ := body["error"].(map[string]any)
	if status != wantStatus || e == nil || e["code"] != wantCode || e["message"] == "" {
		t.Errorf("%s: HTTP %d %v, want %d with code %q and a message", what, status, body, wantStatus, wantCode)
	}
}

func TestSubmitMatchAndReadBack(t *testing.T) {
	f := newAPI(t, false)
	provider, renter := solana.NewWallet().PrivateKey, solana.NewWallet().PrivateKey
	ask := f.order(provider, solgridmarket.Side_Ask, 4, 2_000_000)
	if st, body := f.submit(ask); st != http.StatusCreated || body["status"] != "open" {
		t.Fatalf("ask: %d %v", st, body)
	}
	bid := f.order(renter, solgridmarket.Side_Bid, 3, 2_500_000)
	st, body := f.submit(bid)
	fills, _ := body["fills"].([]any)
	if st != http.StatusCreated || body["status"] != "filled" || len(fills) != 1 {
		t.Fatalf("bid: %d %v", st, body)
	}
	m := fills[0].(map[string]any)
	if m["gpu_count"] != 3.0 || m["price"] != "2000000" || m["sku"] != "h100-sxm" || m["hours"] != 10.0 {
		t.Errorf("fill %v", m)
	}
	st, body = f.do("GET", "/v1/orders/"+provider.PublicKey().String()+"/"+itoa(ask.Order.OrderId), nil)
	if st != 200 || body["remaining"] != 1.0 || body["matched"] != 3.0 || len(body["fills"].([]any)) != 1 {
		t.Errorf("ask status: %d %v", st, body)
	}
	st, body = f.do("GET", "/v1/book/h100-sxm", nil)
	asks, _ := body["asks"].([]any)
	if st != 200 || len(asks) != 1 || asks[0].(map[string]any)["gpu_count"] != 1.0 {
		t.Errorf("depth: %d %v", st, body)
	}
	st, body = f.do("GET", "/v1/wallets/"+renter.PublicKey().String()+"/leases", nil)
	if leases, _ := body["leases"].([]any); st != 200 || len(leases) != 1 {
		t.Errorf("renter leases: %d %v", st, body)
	}
}

func TestCancelWithTheOwnersSignature(t *testing.T) {
	f := newAPI(t, false)
	owner := solana.NewWallet().PrivateKey
	ask := f.order(owner, solgridmarket.Side_Ask, 2, 1_000)
	f.submit(ask)
	thief := solana.NewWallet().PrivateKey
	forged := NewCancelRequest(f.market, thief, ask.Order.OrderId)
	forged.Owner = owner.PublicKey().String()
	st, body := f.do("POST", "/v1/orders/cancel", forged)
	wantError(t, "cancel signed by someone else", st, body, http.StatusUnauthorized, CodeBadSignature)
	st, body = f.do("POST", "/v1/orders/cancel", NewCancelRequest(f.market, owner, ask.Order.OrderId))
	if st != 200 || body["cancelled_gpus"] != 2.0 {
		t.Fatalf("cancel: %d %v", st, body)
	}
	st, body = f.do("POST", "/v1/orders/cancel", NewCancelRequest(f.market, owner, ask.Order.OrderId))
	wantError(t, "second cancel", st, body, http.StatusConflict, CodeNotOpen)
	st, body = f.do("POST", "/v1/orders/cancel", NewCancelRequest(f.market, owner, 424242))
	wantError(t, "cancel of an unknown order", st, body, http.StatusNotFound, CodeNotFound)
	st, body = f.do("POST", "/v1/orders/cancel", NewCancelRequest(solana.NewWallet().PublicKey(), owner, ask.Order.OrderId))
	wantError(t, "cancel for another market", st, body, http.StatusBadRequest, CodeWrongMarket)
}

// Every class of bad input gets its own code.
func TestBadInputIsRefusedWithItsCode(t *testing.T) {
	f := newAPI(t, false)
	key := solana.NewWallet().PrivateKey
	good := func() solgridmarket.SignedOrder { return f.order(key, solgridmarket.Side_Bid, 2, 1_000_000) }
	mutate := func(fn func(*SubmitRequest)) SubmitRequest {
		so := good()
		r := NewSubmitRequest(&so)
		fn(&r)
		return r
	}
	resign := func(fn func(*solgridmarket.Order)) SubmitRequest {
		o := good().Order
		fn(&o)
		so, err := client.SignOrder(o, key)
		if err != nil {
			// SignOrder validates; sign the raw message for orders it refuses
			so = solgridmarket.SignedOrder{Order: o}
			copy(so.Domain[:], client.OrderDomain)
			msg, _ := client.OrderMessage(&o)
			sig, _ := key.Sign(msg)
			copy(so.Signature[:], sig[:])
		}
		return NewSubmitRequest(&so)
	}
	cases := []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"not JSON", []byte("{order:"), 400, CodeBadJSON},
		{"unknown field", []byte(`{"order":{},"signature":"x","extra":1}`), 400, CodeBadJSON},
		{"oversized body", []byte(`{"order":{"skus":["` + strings.Repeat("x", 4000) + `"]}}`), 413, CodeBodyTooLarge},
		{"tampered price", mutate(func(r *SubmitRequest) { r.Order.LimitPrice = "1000001" }), 401, CodeBadSignature},
		{"signature of another key", resign(func(o *solgridmarket.Order) {}), 0, ""}, // placeholder replaced below
		{"short signature", mutate(func(r *SubmitRequest) { r.Signature = "abc" }), 400, CodeBadSignature},
		{"wrong market", resign(func(o *solgridmarket.Order) { o.Market = solana.NewWallet().PublicKey() }), 400, CodeWrongMarket},
		{"unknown SKU", mutate(func(r *SubmitRequest) { r.Order.SKUs = []string{"gtx1080"} }), 400, CodeUnknownSKU},
		{"no SKU", mutate(func(r *SubmitRequest) { r.Order.SKUs = nil }), 400, CodeUnknownSKU},
		{"zero GPUs", resign(func(o *solgridmarket.Order) { o.GpuCount = 0 }), 400, CodeZeroQuantity},
		{"zero price", resign(func(o *solgridmarket.Order) { o.LimitPrice = 0 }), 400, CodeZeroPrice},
		{"GPU count over u32", mutate(func(r *SubmitRequest) { r.Order.GPUs = "4294967296" }), 400, CodeOverflow},
		{"price over u64", mutate(func(r *SubmitRequest) { r.Order.LimitPrice = "18446744073709551616" }), 400, CodeOverflow},
		{"negative GPUs", mutate(func(r *SubmitRequest) { r.Order.GPUs = "-1" }), 400, CodeInvalidField},
		{"price × GPUs × hours over u64", resign(func(o *solgridmarket.Order) {
			o.LimitPrice, o.GpuCount, o.MaxHours = 1<<40, 1<<16, 1<<10
		}), 400, CodeOverflow},
		{"empty hour range", resign(func(o *solgridmarket.Order) { o.MinHours, o.MaxHours = 5, 4 }), 400, CodeInvalidOrder},
		{"fee cap over 100%", resign(func(o *solgridmarket.Order) { o.MaxFeeBps = 10_001 }), 400, CodeInvalidOrder},
		{"expired", resign(func(o *solgridmarket.Order) { o.ExpiresAt = time.Now().Unix() - 1 }), 400, CodeExpired},
		{"bad owner key", mutate(func(r *SubmitRequest) { r.Order.Owner = "not-a-key" }), 400, CodeInvalidField},
		{"bad side", mutate(func(r *SubmitRequest) { r.Order.Side = "buy" }), 400, CodeInvalidField},
	}
	// a valid signature by a key that is not the owner
	{
		so := good()
		other := solana.NewWallet().PrivateKey
		msg, _ := client.OrderMessage(&so.Order)
		sig, _ := other.Sign(msg)
		copy(so.Signature[:], sig[:])
		cases[4].body, cases[4].status, cases[4].code = NewSubmitRequest(&so), 401, CodeBadSignature
	}
	for _, c := range cases {
		st, body := f.do("POST", "/v1/orders", c.body)
		wantError(t, c.name, st, body, c.status, c.code)
	}
	// duplicate id: the first is accepted, the second refused
	so := good()
	if st, body := f.submit(so); st != http.StatusCreated {
		t.Fatalf("first submit: %d %v", st, body)
	}
	st, body := f.submit(so)
	wantError(t, "duplicate id", st, body, http.StatusConflict, CodeDuplicateOrder)
	// the refusals are counted by code
	_, metrics := f.rawGet("/metrics")
	for _, code := range []string{CodeBadSignature, CodeOverflow, CodeDuplicateOrder} {
		if !strings.Contains(metrics, `solgrid_matcher_api_errors_total{code="`+code+`"}`) {
			t.Errorf("/metrics lacks the %s error counter", code)
		}
	}
}

func TestOwnerLimitIsEnforced(t *testing.T) {
	f := newAPI(t, false)
	key := solana.NewWallet().PrivateKey
	for i := 0; i < 3; i++ {
		if st, body := f.submit(f.order(key, solgridmarket.Side_Bid, 1, 1_000)); st != http.StatusCreated {
			t.Fatalf("order %d: %d %v", i, st, body)
		}
	}
	st, body := f.submit(f.order(key, solgridmarket.Side_Bid, 1, 1_000))
	wantError(t, "fourth resting order", st, body, http.StatusTooManyRequests, CodeOwnerLimit)
}

func TestBidNeedsTheBalanceForItsLargestLease(t *testing.T) {
	f := newAPI(t, true)
	key := solana.NewWallet().PrivateKey
	// 2 GPUs × 10 h × 1.0 USD = 20 USD, + 2.5% fee = 20.5 USD
	f.funds[key.PublicKey()] = 20_499_999
	st, body := f.submit(f.order(key, solgridmarket.Side_Bid, 2, 1_000_000))
	wantError(t, "bid one micro-USD short", st, body, http.StatusPaymentRequired, CodeInsufficientBalance)
	f.funds[key.PublicKey()] = 20_500_000
	if st, body := f.submit(f.order(key, solgridmarket.Side_Bid, 2, 1_000_000)); st != http.StatusCreated {
		t.Fatalf("covered bid: %d %v", st, body)
	}
}

// A bid signed for less than the market's fee could never commit: refused before
// it reaches the book, with its own code; at the fee it is accepted.
func TestBidBelowTheMarketsFeeIsRefused(t *testing.T) {
	f := newAPI(t, true)
	key := solana.NewWallet().PrivateKey
	f.funds[key.PublicKey()] = 1 << 40
	sign := func(maxFee uint16) solgridmarket.SignedOrder {
		o := f.order(key, solgridmarket.Side_Bid, 2, 1_000_000).Order
		o.MaxFeeBps = maxFee
		so, err := client.SignOrder(o, key)
		if err != nil {
			t.Fatal(err)
		}
		return so
	}
	st, body := f.submit(sign(apiFeeBps - 1))
	wantError(t, "bid capping the fee under the market's", st, body, http.StatusBadRequest, CodeFeeAboveLimit)
	if st, body := f.submit(sign(apiFeeBps)); st != http.StatusCreated {
		t.Fatalf("bid at the market's fee: %d %v", st, body)
	}
}

// max_fee_bps travels in the JSON (it is signed) and is read back as a u16.
func TestMaxFeeBpsRoundTripsThroughTheJSON(t *testing.T) {
	f := newAPI(t, false)
	so := f.order(solana.NewWallet().PrivateKey, solgridmarket.Side_Bid, 1, 1_000_000)
	req := NewSubmitRequest(&so)
	if req.Order.MaxFeeBps != "250" {
		t.Fatalf("max_fee_bps in JSON %q, want 250", req.Order.MaxFeeBps)
	}
	raw, _ := json.Marshal(req)
	var back SubmitRequest
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	got, e := back.decode()
	if e != nil || got.Order != so.Order {
		t.Fatalf("decoded %+v, %v; want %+v", got, e, so.Order)
	}
	back.Order.MaxFeeBps = "65536"
	if _, e := back.decode(); e == nil || e.Code != CodeOverflow {
		t.Errorf("max_fee_bps over u16: %v", e)
	}
}

func TestHealthAndUnknownRoutes(t *testing.T) {
	f := newAPI(t, false)
	if st, body := f.do("GET", "/healthz", nil); st != 200 || body["ok"] != true {
		t.Errorf("healthz: %d %v", st, body)
	}
	st, body := f.do("GET", "/v1/nope", nil)
	wantError(t, "unknown route", st, body, http.StatusNotFound, CodeNotFound)
	st, body = f.do("GET", "/v1/book/gtx1080", nil)
	wantError(t, "depth of an unknown SKU", st, body, http.StatusNotFound, CodeUnknownSKU)
	st, body = f.do("GET", "/v1/orders/"+solana.NewWallet().PublicKey().String()+"/7", nil)
	wantError(t, "status of an unknown order", st, body, http.StatusNotFound, CodeNotFound)
}

func (f *apiFixture) rawGet(path string) (int, string) {
	resp, err := http.Get(f.http.URL + path)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func itoa(v uint64) string { return string(numOf(v)) }

// The matcher pays the rent of every record a commit creates, so an order whose
// smallest lease is worth less than the minimum is refused; one at the minimum passes.
func TestOrdersBelowTheMinimumLeaseAreRefused(t *testing.T) {
	f := newAPI(t, false)
	f.http.Close()
	f.http = httptest.NewServer(New(Config{Book: f.book, Log: zerolog.Nop(), MinLeaseMicroUSD: 1_000_000}))
	t.Cleanup(f.http.Close)
	renter, provider := solana.NewWallet().PrivateKey, solana.NewWallet().PrivateKey

	dust := f.order(provider, solgridmarket.Side_Ask, 1, 999_999) // 1 GPU × 1 h at $0.999999
	status, body := f.submit(dust)
	wantError(t, "dust ask", status, body, http.StatusBadRequest, CodeBelowMinimum)
	dustBid := f.order(renter, solgridmarket.Side_Bid, 1, 1)
	status, body = f.submit(dustBid)
	wantError(t, "dust bid", status, body, http.StatusBadRequest, CodeBelowMinimum)

	if status, body := f.submit(f.order(provider, solgridmarket.Side_Ask, 1, 1_000_000)); status != http.StatusCreated {
		t.Fatalf("ask at the minimum: %d %v", status, body)
	}
}
