package client_test

import (
	"context"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

func TestLookupTableIsCreatedAndExtendedInOrder(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	c := s.chain.Client
	table, _, err := c.CreateLookupTable(ctx, s.matcher, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var addrs []solana.PublicKey
	for i := 0; i < client.MaxExtendAddresses+5; i++ { // two extend transactions
		addrs = append(addrs, solana.NewWallet().PublicKey())
	}
	slot, err := c.ExtendLookupTable(ctx, s.matcher, table, addrs, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.FetchLookupTable(ctx, table)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Active || got.LastExtendedSlot != slot || len(got.Addresses) != len(addrs) {
		t.Fatalf("table %+v after extending by %d in slot %d", got, len(addrs), slot)
	}
	for i := range addrs {
		if got.Addresses[i] != addrs[i] {
			t.Fatalf("address %d is %s, want %s", i, got.Addresses[i], addrs[i])
		}
	}
	if got.UsableIn(slot) {
		t.Error("addresses added in a slot must not be usable in that same slot")
	}
	if !got.UsableIn(slot + 1) {
		t.Error("addresses must be usable in the next slot")
	}
	if _, err := c.DeactivateLookupTable(ctx, s.matcher, table, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, _ = c.FetchLookupTable(ctx, table); got.Active {
		t.Error("table still active after deactivation")
	}
}

// storedOrders commits n+1 pairs (bid i, ask i) of one GPU for one hour, so that
// all their orders are stored on chain and later fills reference them.
func (s *leaseScene) storedOrders(t *testing.T, firstID uint64, n int) (bids, asks []solgridmarket.Order) {
	t.Helper()
	for i := 0; i <= n; i++ {
		bid, ask := s.bid(firstID+2*uint64(i)), s.ask(firstID+2*uint64(i)+1)
		if _, _, err := s.commit(t, client.SendOptions{}, s.pair(t, bid, ask, 1, 1)); err != nil {
			t.Fatalf("store orders: %v", err)
		}
		bids, asks = append(bids, bid), append(asks, ask)
	}
	return bids, asks
}

// The same fills committed in one v0 transaction through a lookup table create
// the same leases and move the same money as legacy transactions, where they do
// not fit in one.
func TestCommitThroughLookupTableCreatesTheSameLeases(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	c := s.chain.Client
	n := int(solgridmarket.MAX_FILLS)
	// 2n+n+1 leases of $2.05: more than the scene's $100.
	if _, _, err := c.MintToOwner(ctx, s.authority, s.stable, s.renter.PublicKey(), sceneFunds); err != nil {
		t.Fatal(err)
	}
	s.deposit(t, s.renter, s.stable, sceneFunds)
	bids, asks := s.storedOrders(t, 100, n+1)
	// Twin batches of distinct pairs of the same stored orders with the same terms:
	// legacy (bid i, ask i+1), through the table (bid i, ask i+2).
	batch := func(shift int) client.CommitLeases {
		b := client.CommitLeases{Matcher: s.matcher.PublicKey(), Market: s.market, Ed25519Index: client.SendInstructionOffset}
		for i := 0; i < n; i++ {
			b.Fills = append(b.Fills, client.LeaseFill{Bid: client.StoredOrder(&bids[i]), Ask: client.StoredOrder(&asks[i+shift]),
				GPUs: 1, Hours: 1, PriceMicroUSD: askPrice, Maker: solgridmarket.Side_Ask})
		}
		return b
	}
	legacy, viaTable := batch(1), batch(2)
	plan, err := viaTable.Build(c.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	if fits, _ := client.CommitFits(plan, s.matcher.PublicKey(), nil); fits {
		t.Fatalf("%d stored fills fit a legacy transaction: the test shows nothing", n)
	}
	if fits, _ := client.CommitFits(plan, s.matcher.PublicKey(), plan.TableAddresses()); !fits {
		t.Fatalf("%d stored fills do not fit a v0 transaction with a lookup table", n)
	}

	// Legacy, as many per transaction as fit.
	per, err := client.MaxFillsPerTransaction(c.ProgramID, func(k int) (*client.CommitLeases, error) {
		b := legacy
		b.Fills = legacy.Fills[:k]
		return &b, nil
	})
	if err != nil || per == 0 {
		t.Fatalf("legacy fills per transaction: %d, %v", per, err)
	}
	before := s.balance(t, s.renter.PublicKey(), s.stable)
	var legacyLeases []solana.PublicKey
	for i := 0; i < n; i += per {
		part := legacy
		part.Fills = legacy.Fills[i:min(i+per, n)]
		p, _, err := c.CommitLeases(ctx, s.matcher, part, client.SendOptions{})
		if err != nil {
			t.Fatalf("legacy commit of fills %d..: %v", i, err)
		}
		legacyLeases = append(legacyLeases, p.Leases...)
	}
	mid := s.balance(t, s.renter.PublicKey(), s.stable)

	// Through the table, in one transaction.
	table, _, err := c.CreateLookupTable(ctx, s.matcher, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	slot, err := c.ExtendLookupTable(ctx, s.matcher, table, plan.TableAddresses(), client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.WaitForSlotAfter(ctx, slot); err != nil {
		t.Fatal(err)
	}
	lt, err := c.FetchLookupTable(ctx, table)
	if err != nil {
		t.Fatal(err)
	}
	tablePlan, res, err := c.CommitLeases(ctx, s.matcher, viaTable, client.SendOptions{AddressTables: lt.Tables()})
	if err != nil {
		t.Fatalf("commit %d fills through the lookup table: %v", n, err)
	}
	after := s.balance(t, s.renter.PublicKey(), s.stable)
	t.Logf("%d leases: %d legacy transactions of ≤%d, or 1 through the table (%d CU)", n, (n+per-1)/per, per, res.ComputeUnits)
	requireV0WithLookups(t, c, res.Signature, table)

	if d1, d2 := before.Available-mid.Available, mid.Available-after.Available; d1 != d2 || d1 != uint64(n)*(askPrice+askPrice*250/10_000) {
		t.Errorf("renter paid %d legacy and %d through the table", d1, d2)
	}
	if d1, d2 := mid.Locked-before.Locked, after.Locked-mid.Locked; d1 != d2 {
		t.Errorf("renter locked %d legacy and %d through the table", d1, d2)
	}
	for i := 0; i < n; i++ {
		a, err := c.FetchLease(ctx, legacyLeases[i])
		if err != nil {
			t.Fatal(err)
		}
		b, err := c.FetchLease(ctx, tablePlan.Leases[i])
		if err != nil {
			t.Fatalf("lease %d through the table: %v", i, err)
		}
		_, bump := client.LeaseAddress(c.ProgramID, orderState(c, s.market, &bids[i]), orderState(c, s.market, &asks[i+2]))
		if b.AskOrderId != asks[i+2].OrderId || b.Bump != bump {
			t.Errorf("lease %d through the table: ask %d bump %d", i, b.AskOrderId, b.Bump)
		}
		// Same terms: only the ask, the bump and the commit time may differ.
		shift := b.StartTs - a.StartTs
		b.AskOrderId, b.Bump = a.AskOrderId, a.Bump
		b.StartTs, b.EndTs, b.SettledUntil = b.StartTs-shift, b.EndTs-shift, b.SettledUntil-shift
		if *a != *b {
			t.Errorf("lease %d\nlegacy %+v\n table %+v", i, *a, *b)
		}
	}
	for i := 0; i < n; i++ {
		st, err := c.FetchOrderState(ctx, s.market, asks[i+2].Owner, asks[i+2].OrderId)
		if err != nil {
			t.Fatal(err)
		}
		// ask i+2: stored (1), legacy as ask i+1 of bid i+1 (1, if i+1 < n), table (1).
		want := uint32(2)
		if i+1 < n {
			want = 3
		}
		if st.FilledGpus != want {
			t.Errorf("ask %d filled %d GPUs, want %d", i+2, st.FilledGpus, want)
		}
	}
}

func orderState(c *client.Client, market solana.PublicKey, o *solgridmarket.Order) solana.PublicKey {
	addr, _ := client.OrderStateAddress(c.ProgramID, market, o.Owner, o.OrderId)
	return addr
}

// requireV0WithLookups: the transaction that landed is v0 and loads accounts from table.
func requireV0WithLookups(t *testing.T, c *client.Client, sig solana.Signature, table solana.PublicKey) {
	t.Helper()
	v := uint64(0)
	out, err := c.RPC.GetTransaction(context.Background(), sig, &rpc.GetTransactionOpts{
		Encoding: solana.EncodingBase64, Commitment: rpc.CommitmentConfirmed, MaxSupportedTransactionVersion: &v,
	})
	if err != nil {
		t.Fatal(err)
	}
	tx, err := out.Transaction.GetTransaction()
	if err != nil {
		t.Fatal(err)
	}
	if !tx.Message.IsVersioned() || len(tx.Message.AddressTableLookups) != 1 || tx.Message.AddressTableLookups[0].AccountKey != table {
		t.Fatalf("landed transaction is not v0 with lookups in %s: %+v", table, tx.Message.AddressTableLookups)
	}
}
