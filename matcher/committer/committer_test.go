package committer

import (
	"context"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/matchertest"
	"github.com/solgrid/solgrid/matcher/metrics"
)

func start(t *testing.T, s *matchertest.Scene) (*metrics.Metrics, context.CancelFunc) {
	return startB(t, s)
}

func startB(t testing.TB, s *matchertest.Scene) (*metrics.Metrics, context.CancelFunc) {
	m, _, stop := startWith(t, s)
	return m, stop
}

// startWith runs a committer on the scene, its config adjusted by the options.
func startWith(t testing.TB, s *matchertest.Scene, opts ...func(*Config)) (*metrics.Metrics, *Committer, context.CancelFunc) {
	t.Helper()
	m := metrics.New()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	cfg := Config{Book: s.Book, Client: s.Chain.Client, Matcher: s.Matcher, Metrics: m, Log: zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.InfoLevel)}
	for _, o := range opts {
		o(&cfg)
	}
	c := New(cfg)
	go func() { done <- c.Run(ctx) }()
	stop := func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("committer: %v", err)
		}
	}
	t.Cleanup(func() {
		select {
		case <-ctx.Done():
		default:
			stop()
		}
	})
	return m, c, stop
}

// A new order costs 256 bytes of the 1232 a transaction has, so fills whose orders are
// all new go one per transaction; once an order is stored on chain by its first fill,
// later fills reference it and share transactions.
func TestEveryFillIsCommittedOnceInBatches(t *testing.T) {
	s := matchertest.New(t, matchertest.Options{Renters: 3, Providers: 3})
	for _, p := range s.Providers {
		s.Submit(t, s.Ask(t, p, 8, 2_000_000))
	}
	// 17 GPUs: 8 + 8 from the first two asks and 1 from the third, which stores all three.
	if n := len(s.Submit(t, s.Bid(t, s.Renters[0], 17, 2_500_000, 4)).Fills); n != 3 {
		t.Fatalf("first bid: %d fills, want 3", n)
	}
	m, _ := start(t, s)
	s.WaitDrained(t, time.Minute)
	first := testutil.ToFloat64(m.Commits.WithLabelValues("committed"))
	fills := 0
	for i := 0; i < 7; i++ {
		fills += len(s.Submit(t, s.Bid(t, s.Renters[i%3], 1, 2_500_000, 4)).Fills)
	}
	if fills != 7 {
		t.Fatalf("second wave: %d fills, want 7", fills)
	}
	s.WaitDrained(t, time.Minute)
	if n := s.Verify(t); n != 10 {
		t.Errorf("%d leases committed, want 10", n)
	}
	second := testutil.ToFloat64(m.Commits.WithLabelValues("committed")) - first
	t.Logf("3 fills of new orders in %v transactions; 7 fills of new bids against a stored ask in %v", first, second)
	if second >= 7 {
		t.Errorf("%v transactions for 7 fills against a stored ask: no batching", second)
	}
}

func TestOrderCancelledOnChainIsRemovedAndTheOtherSideRestored(t *testing.T) {
	ctx := context.Background()
	s := matchertest.New(t, matchertest.Options{Renters: 1, Providers: 1})
	ask := s.Ask(t, s.Providers[0], 4, 2_000_000)
	askRes := s.Submit(t, ask)
	bid := s.Bid(t, s.Renters[0], 4, 2_500_000, 2)
	bidRes := s.Submit(t, bid)
	if len(bidRes.Fills) != 1 {
		t.Fatalf("no match: %+v", bidRes)
	}
	// The provider cancels on chain behind the matcher's back.
	if _, err := s.Chain.Client.CancelOrder(ctx, s.Providers[0], s.Market, ask.Order.OrderId, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	_, _ = start(t, s)
	s.WaitDrained(t, time.Minute)
	f, _ := s.Book.Fill(ctx, bidRes.Fills[0].Fill)
	if f.Status != book.FillFailed || f.Reason != "OrderCancelled" {
		t.Fatalf("fill %+v, want failed with OrderCancelled", f)
	}
	a, _ := s.Book.OrderBySeq(ctx, askRes.Seq)
	b, _ := s.Book.OrderBySeq(ctx, bidRes.Seq)
	if a.Status != book.StatusRemoved || a.Reason != "OrderCancelled" {
		t.Errorf("guilty ask: %+v", a)
	}
	if b.Status != book.StatusOpen || b.Remaining != 4 {
		t.Errorf("innocent bid: %s with %d GPUs, want open with 4", b.Status, b.Remaining)
	}
	s.Verify(t)
}

func TestRenterWithoutFundsIsRemovedAndTheAskRestored(t *testing.T) {
	ctx := context.Background()
	s := matchertest.New(t, matchertest.Options{Renters: 1, Providers: 1, RenterFunds: 1_000_000}) // $1
	askRes := s.Submit(t, s.Ask(t, s.Providers[0], 4, 2_000_000))
	bidRes := s.Submit(t, s.Bid(t, s.Renters[0], 4, 2_500_000, 2)) // $16 + fee
	_, _ = start(t, s)
	s.WaitDrained(t, time.Minute)
	if f, _ := s.Book.Fill(ctx, bidRes.Fills[0].Fill); f.Reason != "InsufficientFunds" {
		t.Fatalf("fill %+v", f)
	}
	if b, _ := s.Book.OrderBySeq(ctx, bidRes.Seq); b.Status != book.StatusRemoved {
		t.Errorf("bid %s, want removed", b.Status)
	}
	if a, _ := s.Book.OrderBySeq(ctx, askRes.Seq); a.Status != book.StatusOpen || a.Remaining != 4 {
		t.Errorf("ask %s with %d, want open with 4", a.Status, a.Remaining)
	}
	s.Verify(t)
}

// The authority raised the fee after the renter signed: the chain refuses the fill
// with FeeAboveOrderLimit, which is the bid's (it can never fill at this fee).
func TestBidUnderARaisedFeeIsRemovedAndTheAskRestored(t *testing.T) {
	ctx := context.Background()
	s := matchertest.New(t, matchertest.Options{Renters: 1, Providers: 1})
	askRes := s.Submit(t, s.Ask(t, s.Providers[0], 4, 2_000_000))
	bidRes := s.Submit(t, s.Bid(t, s.Renters[0], 4, 2_500_000, 2)) // signed for matchertest.FeeBps
	m, err := s.Chain.Client.FetchMarket(ctx, s.Market)
	if err != nil {
		t.Fatal(err)
	}
	params := solgridmarket.MarketParams{
		Treasury: m.Treasury, OracleAuthority: m.OracleAuthority, Matcher: m.Matcher, SubsidyPerGpuHour: m.SubsidyPerGpuHour,
		CheckerRewardPerReport: m.CheckerRewardPerReport, MinerPriceMicroUsd: m.MinerPriceMicroUsd,
		MaxPriceStalenessSecs: m.MaxPriceStalenessSecs, CheckerMinReportIntervalSecs: m.CheckerMinReportIntervalSecs,
		MinerMaxSupply: m.MinerMaxSupply, FeeBpsStable: matchertest.FeeBps + 1, FeeBpsToken: m.FeeBpsToken, MinerFeeShareBps: m.MinerFeeShareBps,
	}
	if _, err := s.Chain.Client.UpdateMarket(ctx, s.Authority, client.UpdateMarket{Market: s.Market, Params: params, NewAuthority: s.Authority.PublicKey()}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	_, _ = start(t, s)
	s.WaitDrained(t, time.Minute)
	if f, _ := s.Book.Fill(ctx, bidRes.Fills[0].Fill); f.Status != book.FillFailed || f.Reason != "FeeAboveOrderLimit" {
		t.Fatalf("fill %+v, want failed with FeeAboveOrderLimit", f)
	}
	if b, _ := s.Book.OrderBySeq(ctx, bidRes.Seq); b.Status != book.StatusRemoved || b.Reason != "FeeAboveOrderLimit" {
		t.Errorf("guilty bid: %+v", b)
	}
	if a, _ := s.Book.OrderBySeq(ctx, askRes.Seq); a.Status != book.StatusOpen || a.Remaining != 4 {
		t.Errorf("innocent ask %s with %d, want open with 4", a.Status, a.Remaining)
	}
	s.Verify(t)
}

// A commit that landed before the committer could acknowledge it (a crash) is found
// on chain at restart and not sent again.
func TestRestartFindsLandedCommitsAndDoesNotResend(t *testing.T) {
	ctx := context.Background()
	s := matchertest.New(t, matchertest.Options{Renters: 1, Providers: 2})
	s.Submit(t, s.Ask(t, s.Providers[0], 2, 2_000_000))
	s.Submit(t, s.Ask(t, s.Providers[1], 2, 2_100_000))
	res := s.Submit(t, s.Bid(t, s.Renters[0], 4, 2_500_000, 3))
	if len(res.Fills) != 2 {
		t.Fatalf("fills %+v", res.Fills)
	}
	// A previous committer read both entries and committed them, then died.
	outbox := s.Book.Keys().Outbox()
	if err := s.RDB.XGroupCreateMkStream(ctx, outbox, Group, "0").Err(); err != nil {
		t.Fatal(err)
	}
	msgs, err := s.RDB.XReadGroup(ctx, &redis.XReadGroupArgs{Group: Group, Consumer: "dead", Streams: []string{outbox, ">"}}).Result()
	if err != nil || len(msgs[0].Messages) != 2 {
		t.Fatalf("read outbox: %v %v", msgs, err)
	}
	dead := New(Config{Book: s.Book, Client: s.Chain.Client, Matcher: s.Matcher})
	var items []*item
	for _, m := range msgs[0].Messages {
		it, err := dead.load(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, it)
	}
	// One fill per transaction: three fresh orders do not fit in 1232 bytes.
	for _, it := range items {
		if _, _, err := s.Chain.Client.CommitLeases(ctx, s.Matcher, dead.builder([]*item{it}), client.SendOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	m, _ := start(t, s)
	s.WaitDrained(t, time.Minute)
	if n := s.Verify(t); n != 2 {
		t.Errorf("%d leases, want 2", n)
	}
	if sent := testutil.ToFloat64(m.Commits.WithLabelValues("committed")); sent != 0 {
		t.Errorf("the restarted committer sent %v transactions; the leases were already there", sent)
	}
}

// A new bid filling 16 asks already stored on chain: a legacy transaction takes 6 of
// these fills; through the lookup table (market, Balance, the asks' OrderStates) more
// share one. Every fill lands once, and a restarted committer resumes the table.
func TestBatchesTooBigForALegacyTransactionGoThroughTheLookupTable(t *testing.T) {
	ctx := context.Background()
	const n = 16
	s := matchertest.New(t, matchertest.Options{Renters: 4, Providers: n})
	// Each ask is the cheapest when posted, so the bid right after it fills it once and
	// stores it on chain.
	for i, p := range s.Providers {
		s.Submit(t, s.Ask(t, p, 2, uint64(2_000_000-10_000*i)))
		s.Submit(t, s.Bid(t, s.Renters[i%len(s.Renters)], 1, 2_500_000, 1))
	}
	_, _, stop := startWith(t, s)
	s.WaitDrained(t, time.Minute)
	stop()
	if res := s.Submit(t, s.Bid(t, s.Renters[0], n, 2_500_000, 1)); len(res.Fills) != n {
		t.Fatalf("taker bid: %d fills, want %d", len(res.Fills), n)
	}
	// A new committer reads all n pending fills at once, so packing decides alone.
	m, c, _ := startWith(t, s)
	s.WaitDrained(t, time.Minute)
	if got := s.Verify(t); got != 2*n {
		t.Errorf("%d leases, want %d", got, 2*n)
	}
	txs := testutil.ToFloat64(m.Commits.WithLabelValues("committed"))
	t.Logf("%d fills of a new bid against stored asks in %v transactions through the lookup table", n, txs)
	if txs > 2 {
		t.Errorf("%v commit transactions for %d fills; legacy ones take 6", txs, n)
	}
	if c.table.table == nil {
		t.Fatal("no lookup table in use")
	}
	name, err := s.RDB.Get(ctx, c.table.key).Result()
	if err != nil || name != c.table.table.Address.String() {
		t.Fatalf("table named %q in Redis, in use %s (%v)", name, c.table.table.Address, err)
	}
	onChain, err := s.Chain.Client.FetchLookupTable(ctx, c.table.table.Address)
	if err != nil || onChain == nil || onChain.Authority != s.Matcher.PublicKey() {
		t.Fatalf("table on chain: %+v, %v", onChain, err)
	}
	// A restart resumes the same table instead of creating one.
	resumed := New(Config{Book: s.Book, Client: s.Chain.Client, Matcher: s.Matcher})
	if _, err := resumed.table.extendWith(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if resumed.table.table.Address != c.table.table.Address || len(resumed.table.table.Addresses) != len(onChain.Addresses) {
		t.Errorf("restart uses table %s with %d addresses, want %s with %d", resumed.table.table.Address,
			len(resumed.table.table.Addresses), c.table.table.Address, len(onChain.Addresses))
	}
}
