package book

import (
	"errors"
	"reflect"
	"testing"

	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

func sku(s ...solgridmarket.GpuSku) []solgridmarket.GpuSku { return s }

func TestPriceTimePriorityAcrossLevels(t *testing.T) {
	f := newFixture(t)
	a, b, c, d := newTrader(), newTrader(), newTrader(), newTrader()
	high := f.ask(a, H100, 1, 3_000_000)
	early := f.ask(b, H100, 1, 2_000_000)
	late := f.ask(c, H100, 1, 2_000_000)
	mid := f.ask(d, H100, 1, 2_500_000)
	res := f.bid(newTrader(), sku(H100), 3, 3_000_000)
	want := []got{{early.Seq, 1, 2_000_000}, {late.Seq, 1, 2_000_000}, {mid.Seq, 1, 2_500_000}}
	if !reflect.DeepEqual(summary(res), want) {
		t.Fatalf("fills %+v, want %+v", summary(res), want)
	}
	if f.status(high.Seq) != StatusOpen || f.remaining(high.Seq) != 1 {
		t.Error("the dearest ask should still rest untouched")
	}
}

// Bids rank by highest price first; prices above 2^53 must compare exactly.
func TestBidPriorityIsExactForHugePrices(t *testing.T) {
	f := newFixture(t)
	big := uint64(1) << 60
	lower := f.bid(newTrader(), sku(H100), 1, big)
	higher := f.bid(newTrader(), sku(H100), 1, big+1) // indistinguishable as float64
	res := f.ask(newTrader(), H100, 1, 1)
	if len(res.Fills) != 1 || res.Fills[0].Counter != higher.Seq || res.Fills[0].Price != big+1 {
		t.Fatalf("fills %+v, want the bid at 2^60+1 (%s)", res.Fills, higher.Seq)
	}
	if f.remaining(lower.Seq) != 1 {
		t.Error("the lower bid should be untouched")
	}
}

func TestPartialFillsSplitGPUCounts(t *testing.T) {
	f := newFixture(t)
	ask := f.ask(newTrader(), H100, 8, 1_000_000)
	first := f.bid(newTrader(), sku(H100), 3, 1_000_000)
	if first.Remaining != 0 || len(first.Fills) != 1 || first.Fills[0].GPUs != 3 {
		t.Fatalf("first bid: %+v", first)
	}
	if f.remaining(ask.Seq) != 5 || f.status(ask.Seq) != StatusOpen {
		t.Fatalf("ask remaining %d, want 5", f.remaining(ask.Seq))
	}
	second := f.bid(newTrader(), sku(H100), 10, 1_000_000)
	if second.Remaining != 5 || second.Fills[0].GPUs != 5 {
		t.Fatalf("second bid: %+v", second)
	}
	if f.status(ask.Seq) != StatusFilled || f.status(second.Seq) != StatusOpen {
		t.Errorf("ask %s, bid %s", f.status(ask.Seq), f.status(second.Seq))
	}
	o, _ := f.book.OrderBySeq(f.ctx, second.Seq)
	if o.Matched() != 5 {
		t.Errorf("bid matched %d, want 5", o.Matched())
	}
}

func TestLeasePriceIsTheMakersPrice(t *testing.T) {
	f := newFixture(t)
	f.bid(newTrader(), sku(H100), 1, 5_000_000)
	if res := f.ask(newTrader(), H100, 1, 3_000_000); res.Fills[0].Price != 5_000_000 || res.Fills[0].GPUs != 1 {
		t.Errorf("incoming ask under a resting bid: %+v, want the bid's 5.0", res.Fills)
	}
	f.ask(newTrader(), H100, 1, 3_000_000)
	res := f.bid(newTrader(), sku(H100), 1, 5_000_000)
	if res.Fills[0].Price != 3_000_000 {
		t.Errorf("incoming bid over a resting ask: %+v, want the ask's 3.0", res.Fills)
	}
	fill, err := f.book.Fill(f.ctx, res.Fills[0].Fill)
	if err != nil || fill.Maker != solgridmarket.Side_Ask || fill.Price != 3_000_000 {
		t.Errorf("stored fill %+v, %v", fill, err)
	}
}

func TestNoMatchWhenPricesDoNotCross(t *testing.T) {
	f := newFixture(t)
	ask := f.ask(newTrader(), H100, 1, 3_000_000)
	bid := f.bid(newTrader(), sku(H100), 1, 2_999_999)
	if len(bid.Fills) != 0 || f.remaining(ask.Seq) != 1 || f.remaining(bid.Seq) != 1 {
		t.Fatalf("non-crossing orders matched: %+v", bid)
	}
}

func TestBidWithSKUSetTakesTheBestAskAcrossItsSKUs(t *testing.T) {
	f := newFixture(t)
	l4 := f.ask(newTrader(), L4, 4, 500_000) // cheapest, but not accepted
	h200 := f.ask(newTrader(), H200, 2, 2_000_000)
	h100 := f.ask(newTrader(), H100, 2, 2_100_000)
	res := f.bid(newTrader(), sku(H100, H200), 3, 3_000_000)
	want := []got{{h200.Seq, 2, 2_000_000}, {h100.Seq, 1, 2_100_000}}
	if !reflect.DeepEqual(summary(res), want) {
		t.Fatalf("fills %+v, want %+v", summary(res), want)
	}
	if res.Fills[0].SKU != H200 || res.Fills[1].SKU != H100 {
		t.Errorf("fill SKUs %v %v", res.Fills[0].SKU, res.Fills[1].SKU)
	}
	if f.remaining(l4.Seq) != 4 {
		t.Error("an L4 ask filled a bid that does not accept L4")
	}
}

func TestRestingMultiSKUBidLeavesEveryBookWhenFilled(t *testing.T) {
	f := newFixture(t)
	bid := f.bid(newTrader(), sku(H100, H200), 2, 3_000_000)
	res := f.ask(newTrader(), H200, 2, 2_000_000)
	if len(res.Fills) != 1 || res.Fills[0].Counter != bid.Seq || res.Fills[0].SKU != H200 {
		t.Fatalf("H200 ask vs H100|H200 bid: %+v", res.Fills)
	}
	other := f.ask(newTrader(), H100, 1, 2_000_000)
	if len(other.Fills) != 0 {
		t.Fatalf("a filled bid still matched in the H100 book: %+v", other.Fills)
	}
	for _, s := range sku(H100, H200) {
		lv, err := f.book.Depth(f.ctx, s, solgridmarket.Side_Bid, 10, 100)
		if err != nil || len(lv) != 0 {
			t.Errorf("bid book %v: %+v, %v", s, lv, err)
		}
	}
}

func TestRegionFilter(t *testing.T) {
	f := newFixture(t)
	eu := f.ask(newTrader(), H100, 1, 1_000_000, region(2))
	us := f.ask(newTrader(), H100, 1, 1_100_000, region(1))
	res := f.bid(newTrader(), sku(H100), 1, 2_000_000, region(1))
	if len(res.Fills) != 1 || res.Fills[0].Counter != us.Seq {
		t.Fatalf("region-1 bid filled %+v, want the region-1 ask only", res.Fills)
	}
	res = f.bid(newTrader(), sku(H100), 1, 2_000_000) // region 0 = any
	if len(res.Fills) != 1 || res.Fills[0].Counter != eu.Seq {
		t.Fatalf("any-region bid: %+v", res.Fills)
	}
}

func TestHoursMustOverlapAndTheLeaseTakesTheLongestCommonLength(t *testing.T) {
	f := newFixture(t)
	short := f.ask(newTrader(), H100, 1, 1_000_000, hours(1, 4))
	long := f.ask(newTrader(), H100, 1, 1_100_000, hours(8, 100))
	res := f.bid(newTrader(), sku(H100), 1, 2_000_000, hours(6, 48))
	if len(res.Fills) != 1 || res.Fills[0].Counter != long.Seq || res.Fills[0].Hours != 48 {
		t.Fatalf("fills %+v, want the 8..100h ask for 48h", res.Fills)
	}
	res = f.bid(newTrader(), sku(H100), 1, 2_000_000, hours(2, 24))
	if len(res.Fills) != 1 || res.Fills[0].Counter != short.Seq || res.Fills[0].Hours != 4 {
		t.Fatalf("fills %+v, want the 1..4h ask for 4h", res.Fills)
	}
}

func TestReliabilityFilter(t *testing.T) {
	f := newFixture(t)
	shaky := f.submitRel(f.order(newTrader(), solgridmarket.Side_Ask, client.SKUMask(H100), 1, 1_000_000), 9_000)
	solid := f.submitRel(f.order(newTrader(), solgridmarket.Side_Ask, client.SKUMask(H100), 1, 1_200_000), 9_990)
	res := f.bid(newTrader(), sku(H100), 1, 2_000_000, minRel(9_950))
	if len(res.Fills) != 1 || res.Fills[0].Counter != solid.Seq {
		t.Fatalf("fills %+v, want the 99.9%% node", res.Fills)
	}
	if f.remaining(shaky.Seq) != 1 {
		t.Error("the 90% node was filled")
	}
}

func TestPaymentMintCompatibility(t *testing.T) {
	f := newFixture(t)
	token := newTrader().pub()
	wantsToken := f.ask(newTrader(), H100, 1, 1_000_000, payIn(token))
	either := f.ask(newTrader(), H100, 1, 1_100_000)
	res := f.bid(newTrader(), sku(H100), 1, 2_000_000) // pays in the stablecoin
	if len(res.Fills) != 1 || res.Fills[0].Counter != either.Seq {
		t.Fatalf("stablecoin bid filled %+v, want the either-mint ask", res.Fills)
	}
	res = f.bid(newTrader(), sku(H100), 1, 2_000_000, payIn(token))
	if len(res.Fills) != 1 || res.Fills[0].Counter != wantsToken.Seq {
		t.Fatalf("token bid: %+v", res.Fills)
	}
}

func TestExpiredOrdersAreNeitherMatchedNorAccepted(t *testing.T) {
	f := newFixture(t)
	soon := f.ask(newTrader(), H100, 1, 1_000_000, expires(f.now.Load()+60))
	later := f.ask(newTrader(), H100, 1, 1_500_000, expires(f.now.Load()+7200))
	f.now.Add(55) // inside the 10 s commit margin of the first ask
	res := f.bid(newTrader(), sku(H100), 1, 2_000_000)
	if len(res.Fills) != 1 || res.Fills[0].Counter != later.Seq {
		t.Fatalf("fills %+v, want the unexpired ask", res.Fills)
	}
	if f.status(soon.Seq) != StatusExpired {
		t.Errorf("expired ask met during the walk: %s", f.status(soon.Seq))
	}
	stale := f.order(newTrader(), solgridmarket.Side_Bid, client.SKUMask(H100), 1, 1, expires(f.now.Load()+5))
	if _, err := f.book.Submit(f.ctx, &stale, 0); !errors.Is(err, ErrExpired) {
		t.Errorf("submitting an order expiring in 5 s: %v", err)
	}
}

func TestSweepRemovesExpiredOrders(t *testing.T) {
	f := newFixture(t)
	var seqs []string
	for i := 0; i < 5; i++ {
		seqs = append(seqs, f.bid(newTrader(), sku(H100, L4), 1, 1_000, expires(f.now.Load()+100)).Seq)
	}
	keep := f.bid(newTrader(), sku(H100), 1, 1_000, expires(f.now.Load()+10_000))
	f.now.Add(100)
	n, err := f.book.Sweep(f.ctx, 100)
	if err != nil || n != 5 {
		t.Fatalf("swept %d, %v; want 5", n, err)
	}
	for _, s := range seqs {
		if f.status(s) != StatusExpired {
			t.Errorf("order %s: %s", s, f.status(s))
		}
	}
	lv, _ := f.book.Depth(f.ctx, L4, solgridmarket.Side_Bid, 10, 100)
	if len(lv) != 0 {
		t.Errorf("L4 bid book after sweep: %+v", lv)
	}
	if f.status(keep.Seq) != StatusOpen {
		t.Error("the live bid was swept")
	}
}

func TestCancelTakesTheOrderOffTheBook(t *testing.T) {
	f := newFixture(t)
	owner := newTrader()
	so := f.order(owner, solgridmarket.Side_Ask, client.SKUMask(H100), 4, 1_000_000)
	f.submit(so)
	f.bid(newTrader(), sku(H100), 1, 1_000_000)
	left, err := f.book.Cancel(f.ctx, owner.pub(), so.Order.OrderId)
	if err != nil || left != 3 {
		t.Fatalf("cancel: %d, %v; want 3 GPUs cancelled", left, err)
	}
	if res := f.bid(newTrader(), sku(H100), 1, 1_000_000); len(res.Fills) != 0 {
		t.Fatalf("a cancelled ask matched: %+v", res.Fills)
	}
	if _, err := f.book.Cancel(f.ctx, owner.pub(), so.Order.OrderId); !errors.Is(err, ErrNotOpen) {
		t.Errorf("second cancel: %v", err)
	}
	if _, err := f.book.Cancel(f.ctx, owner.pub(), 999_999); !errors.Is(err, ErrNotFound) {
		t.Errorf("cancel of an unknown id: %v", err)
	}
}

func TestSelfTradePrevention(t *testing.T) {
	f := newFixture(t)
	me := newTrader()
	mine := f.ask(me, H100, 2, 1_000_000)
	theirs := f.ask(newTrader(), H100, 2, 1_500_000)
	res := f.bid(me, sku(H100), 3, 2_000_000)
	if len(res.Fills) != 1 || res.Fills[0].Counter != theirs.Seq || res.Remaining != 1 {
		t.Fatalf("fills %+v remaining %d: want only the other owner's ask", res.Fills, res.Remaining)
	}
	if f.remaining(mine.Seq) != 2 {
		t.Error("the owner's own ask was filled by their bid")
	}
	// and the other way round: my resting bid never takes my incoming ask
	res = f.ask(me, H100, 1, 500_000)
	if len(res.Fills) != 0 {
		t.Fatalf("my ask filled my resting bid: %+v", res.Fills)
	}
}

func TestDuplicateOrderIDIsRejected(t *testing.T) {
	f := newFixture(t)
	tr := newTrader()
	so := f.order(tr, solgridmarket.Side_Bid, client.SKUMask(H100), 1, 1_000)
	f.submit(so)
	again := f.order(tr, solgridmarket.Side_Bid, client.SKUMask(H100), 2, 2_000, orderID(so.Order.OrderId))
	if _, err := f.book.Submit(f.ctx, &again, 0); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("same owner, same id: %v", err)
	}
	if _, err := f.book.Submit(f.ctx, &so, 0); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("same order twice: %v", err)
	}
}

func TestOwnerLimit(t *testing.T) {
	f := newFixture(t)
	f.book.opts.MaxOpenPerOwner = 2
	tr := newTrader()
	f.bid(tr, sku(H100), 1, 1_000)
	f.bid(tr, sku(H100), 1, 1_000)
	so := f.order(tr, solgridmarket.Side_Bid, client.SKUMask(H100), 1, 1_000)
	if _, err := f.book.Submit(f.ctx, &so, 0); !errors.Is(err, ErrOwnerLimit) {
		t.Fatalf("third resting order: %v", err)
	}
}

func TestEveryFillIsAppendedToTheOutbox(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < 3; i++ {
		f.ask(newTrader(), H100, 1, 1_000_000)
	}
	res := f.bid(newTrader(), sku(H100), 3, 1_000_000)
	entries, err := f.rdb.XRange(f.ctx, f.book.Keys().Outbox(), "-", "+").Result()
	if err != nil || len(entries) != 3 {
		t.Fatalf("outbox %d entries, %v; want 3", len(entries), err)
	}
	for i, e := range entries {
		if e.Values["f"] != res.Fills[i].Fill {
			t.Errorf("outbox entry %d names fill %v, want %s", i, e.Values["f"], res.Fills[i].Fill)
		}
	}
	fills, err := f.book.OrderFills(f.ctx, res.Seq)
	if err != nil || len(fills) != 3 || fills[0].Status != FillPending {
		t.Errorf("order fills %+v, %v", fills, err)
	}
}

func TestCompensationRestoresTheInnocentAndRemovesTheGuilty(t *testing.T) {
	f := newFixture(t)
	ask := f.ask(newTrader(), H100, 2, 1_000_000)
	res := f.bid(newTrader(), sku(H100), 2, 1_000_000) // fills the ask out
	guilty := solgridmarket.Side_Bid
	if err := f.book.Compensate(f.ctx, res.Fills[0].Fill, &guilty, "InsufficientFunds"); err != nil {
		t.Fatal(err)
	}
	if f.status(ask.Seq) != StatusOpen || f.remaining(ask.Seq) != 2 || f.remaining(res.Seq) != 2 {
		t.Errorf("innocent ask: %s with %d GPUs, want open with 2", f.status(ask.Seq), f.remaining(ask.Seq))
	}
	bid, _ := f.book.OrderBySeq(f.ctx, res.Seq)
	if bid.Status != StatusRemoved || bid.Reason != "InsufficientFunds" {
		t.Errorf("guilty bid: %+v", bid)
	}
	fill, _ := f.book.Fill(f.ctx, res.Fills[0].Fill)
	if fill.Status != FillFailed || fill.Reason != "InsufficientFunds" {
		t.Errorf("fill %+v", fill)
	}
	// twice is a no-op
	if err := f.book.Compensate(f.ctx, res.Fills[0].Fill, &guilty, "InsufficientFunds"); err != nil || f.remaining(ask.Seq) != 2 {
		t.Errorf("second compensation: %v, ask has %d", err, f.remaining(ask.Seq))
	}
	// the restored ask trades again
	if again := f.bid(newTrader(), sku(H100), 2, 1_000_000); len(again.Fills) != 1 || again.Fills[0].GPUs != 2 {
		t.Errorf("restored ask did not trade: %+v", again.Fills)
	}
}

func TestScriptsAreReloadedAfterTheCacheIsFlushed(t *testing.T) {
	f := newFixture(t)
	if err := f.rdb.ScriptFlush(f.ctx).Err(); err != nil {
		t.Fatal(err)
	}
	f.ask(newTrader(), H100, 1, 1_000)
	if res := f.bid(newTrader(), sku(H100), 1, 1_000); len(res.Fills) != 1 {
		t.Fatalf("after SCRIPT FLUSH: %+v", res)
	}
}

func TestDepthAggregatesPriceLevels(t *testing.T) {
	f := newFixture(t)
	f.ask(newTrader(), H100, 2, 1_000)
	f.ask(newTrader(), H100, 3, 1_000)
	f.ask(newTrader(), H100, 1, 2_000)
	f.ask(newTrader(), H100, 1, 3_000)
	lv, err := f.book.Depth(f.ctx, H100, solgridmarket.Side_Ask, 2, 100)
	want := []Level{{1_000, 5, 2}, {2_000, 1, 1}}
	if err != nil || !reflect.DeepEqual(lv, want) {
		t.Fatalf("depth %+v, %v; want %+v", lv, err, want)
	}
}

func TestSignedOrderIsKeptExactly(t *testing.T) {
	f := newFixture(t)
	so := f.order(newTrader(), solgridmarket.Side_Bid, client.SKUMask(H100, H200), 3, 1_234_567, maxFee(9_876))
	res := f.submit(so)
	got, err := f.book.SignedOrder(f.ctx, res.Seq)
	if err != nil || !reflect.DeepEqual(*got, so) {
		t.Fatalf("stored signed order %+v, %v; want %+v", got, err, so)
	}
	if err := client.VerifyOrder(got); err != nil {
		t.Errorf("stored order no longer verifies: %v", err)
	}
	enc, _ := f.rdb.ObjectEncoding(f.ctx, f.book.Keys().Order(res.Seq)).Result()
	if enc != "listpack" {
		t.Errorf("order hash encoding %q, want listpack (compact)", enc)
	}
}
