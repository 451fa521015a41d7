package client_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/programs/system"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Security audit of commit_leases against the real runtime: attacks that need
// several instructions, duplicated accounts or CPIs inside one transaction,
// which the host tests cannot reproduce. Each landed attack asserts the named
// error, raised by the commit itself, and that no account it names changed.

// auditRejects lands ixs signed by signers (the matcher first) and asserts the
// named error from the instruction at commitAt (Send's compute-budget
// instruction shifts every index by one) and unchanged accounts.
func (s *leaseScene) auditRejects(t *testing.T, name string, commitAt int, watched []solana.PublicKey, signers []solana.PrivateKey, ixs ...solana.Instruction) {
	t.Helper()
	before := s.snapshot(t, watched...)
	_, err := s.chain.Client.Send(context.Background(), ixs, signers, landed)
	requireProgramError(t, err, name)
	var pe *client.ProgramError
	if errors.As(err, &pe) && pe.Instruction != commitAt+client.SendInstructionOffset {
		t.Errorf("error raised by instruction %d, want the commit at %d", pe.Instruction, commitAt+client.SendInstructionOffset)
	}
	s.requireUnchanged(t, before, watched...)
}

func (s *leaseScene) planAt(t *testing.T, ed25519Index uint8, fills ...client.LeaseFill) *client.CommitPlan {
	t.Helper()
	b := client.CommitLeases{Matcher: s.matcher.PublicKey(), Market: s.market, Fills: fills, Ed25519Index: ed25519Index}
	plan, err := b.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

func (s *leaseScene) fillWith(bid, ask client.OrderRef, gpus uint32) client.LeaseFill {
	return client.LeaseFill{Bid: bid, Ask: ask, GPUs: gpus, Hours: 1, PriceMicroUSD: askPrice, Maker: solgridmarket.Side_Ask}
}

// One bid of 8 GPUs in two fills of the same transaction, 6 + 3: the second
// fill must see what the first wrote to the OrderState it just created.
func TestAuditOneCommitCannotOverfillAnOrderAcrossItsFills(t *testing.T) {
	s := newLeaseScene(t, oversizedTransactions)
	bid := sign(t, s.bid(1), s.renter)
	plan := s.plan(t, s.fillWith(client.NewOrder(bid), client.NewOrder(sign(t, s.ask(2), s.provider)), 6),
		s.fillWith(client.NewOrder(bid), client.NewOrder(sign(t, s.ask(3), s.provider)), 3))
	s.rejects(t, plan, "Overfill")
}

// The same, with the second fill referencing the bid as stored (index 255) by
// the first fill of the same transaction.
func TestAuditOneCommitCannotOverfillAStoredReferenceToAnOrderItCreated(t *testing.T) {
	s := newLeaseScene(t, oversizedTransactions)
	bidOrder := s.bid(1)
	bid := sign(t, bidOrder, s.renter)
	plan := s.plan(t, s.fillWith(client.NewOrder(bid), client.NewOrder(sign(t, s.ask(2), s.provider)), 6),
		s.fillWith(client.StoredOrder(&bidOrder), client.NewOrder(sign(t, s.ask(3), s.provider)), 3))
	s.rejects(t, plan, "Overfill")
}

// The same (bid, ask) pair twice in one commit would lock the renter's funds
// twice for one match: the second Lease address is already taken.
func TestAuditTheSamePairTwiceInOneCommitIsLeaseAlreadyExists(t *testing.T) {
	s := newLeaseScene(t)
	fill := s.pair(t, s.bid(1), s.ask(2), 2, 1)
	s.rejects(t, s.plan(t, fill, fill), "LeaseAlreadyExists")
}

// The renter cancels its order in the same transaction, before the commit:
// the cancel-only record the cancel creates must stop the fill.
func TestAuditCancelOrderEarlierInTheSameTransactionStopsTheCommit(t *testing.T) {
	s := newLeaseScene(t)
	cancel := client.CancelOrder{Owner: s.renter.PublicKey(), Market: s.market, OrderID: 1}
	cancelIx, state, err := cancel.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	plan := s.planAt(t, client.SendInstructionOffset+1, s.pair(t, s.bid(1), s.ask(2), 2, 1))
	watched := append(s.watched(plan), state)
	s.auditRejects(t, "OrderCancelled", 2, watched, []solana.PrivateKey{s.matcher, s.renter},
		cancelIx, plan.Instructions[0], plan.Instructions[1])
}

// A commit instruction repeated verbatim after the first (same Ed25519
// instruction): the copy's signatures point at the first commit, so it is
// refused instead of committing the fills again.
func TestAuditACommitRepeatedInTheSameTransactionIsRefused(t *testing.T) {
	s := newLeaseScene(t, oversizedTransactions)
	plan := s.plan(t, s.pair(t, s.bid(1), s.ask(2), 2, 1))
	s.auditRejects(t, "InvalidEd25519Instruction", 2, s.watched(plan), []solana.PrivateKey{s.matcher},
		plan.Instructions[0], plan.Instructions[1], plan.Instructions[1])
}

// The Ed25519 instruction may follow the commit; a forged signature must
// still fail the whole transaction (the precompile is not skipped because the
// commit already ran).
func TestAuditAForgedSignatureVerifiedAfterTheCommitFailsTheTransaction(t *testing.T) {
	s := newLeaseScene(t)
	plan := s.planAt(t, client.SendInstructionOffset+1, s.pair(t, s.bid(1), s.ask(2), 2, 1))
	ed := client.Ed25519Instruction(plan.NewOrders, client.SendInstructionOffset)
	data := ixData(plan.Instructions[1])
	for i := 0; i < 64; i++ {
		data[ordersAt+i] ^= 0x5a
	}
	commit := withData(plan.Instructions[1], data)
	before := s.snapshot(t, s.watched(plan)...)
	_, err := s.chain.Client.Send(context.Background(), []solana.Instruction{commit, ed}, []solana.PrivateKey{s.matcher}, landed)
	var txErr *client.TransactionError
	if !errors.As(err, &txErr) {
		t.Fatalf("got %v, want the transaction to fail", err)
	}
	s.requireUnchanged(t, before, s.watched(plan)...)
}

// Someone sent lamports to the OrderState and Lease addresses before the
// commit (one short of the rent, one above it): the commit still creates them
// (no address can be blocked that way) and the matcher pays only the shortfall.
func TestAuditPrefundedOrderStateAndLeaseAddressesAreAdopted(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	fill := s.pair(t, s.bid(1), s.ask(2), 2, 1)
	plan := s.plan(t, fill)
	accounts := plan.Instructions[1].Accounts()
	bidState, lease := accounts[4].PublicKey, accounts[6].PublicKey
	stranger := s.chain.Wallet(t, solana.LAMPORTS_PER_SOL)
	const short, above = 1_000_000, 5_000_000
	if _, err := s.chain.Client.Send(ctx, []solana.Instruction{
		system.NewTransferInstruction(short, stranger.PublicKey(), bidState).Build(),
		system.NewTransferInstruction(above, stranger.PublicKey(), lease).Build(),
	}, []solana.PrivateKey{stranger}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.commit(t, client.SendOptions{}, fill); err != nil {
		t.Fatalf("commit over pre-funded addresses: %v", err)
	}
	l, err := s.chain.Client.FetchLease(ctx, lease)
	if err != nil || l.GpuCount != 2 || l.State != solgridmarket.LeaseState_Active {
		t.Fatalf("lease %+v (%v)", l, err)
	}
	st, err := s.chain.Client.FetchOrderState(ctx, s.market, s.renter.PublicKey(), 1)
	if err != nil || st.FilledGpus != 2 || st.HasOrder != 1 {
		t.Fatalf("bid state %+v (%v)", st, err)
	}
	if _, _, lamports := s.chain.AccountData(t, lease); lamports != above {
		t.Errorf("lease holds %d lamports, want the %d sent (above its rent)", lamports, above)
	}
}

// A matcher naming a richer wallet's Balance as the renter's: the bid must
// be paid by its own owner only.
func TestAuditAnotherWalletsBalanceCannotPayForABid(t *testing.T) {
	s := newLeaseScene(t)
	victim := s.user(t, s.stable, sceneFunds)
	s.deposit(t, victim, s.stable, sceneFunds)
	bid := s.bid(1)
	bid.Owner = s.provider.PublicKey() // an attacker's bid with no funds of its own
	attackerAsk := s.ask(2)
	attackerAsk.Owner = s.renter.PublicKey()
	fill := client.LeaseFill{Bid: client.NewOrder(sign(t, bid, s.provider)), Ask: client.NewOrder(sign(t, attackerAsk, s.renter)),
		GPUs: 2, Hours: 1, PriceMicroUSD: askPrice, Maker: solgridmarket.Side_Ask}
	plan := s.plan(t, fill)
	victimBalance, _ := client.BalanceAddress(s.chain.Client.ProgramID, s.market, victim.PublicKey(), s.stable)
	commit := plan.Instructions[1]
	metas := append(solana.AccountMetaSlice{}, commit.Accounts()...)
	metas[7] = solana.Meta(victimBalance).WRITE()
	swapped := solana.NewInstruction(commit.ProgramID(), metas, ixData(commit))
	watched := append(s.watched(plan), victimBalance)
	s.auditRejects(t, "InvalidPda", 1, watched, []solana.PrivateKey{s.matcher}, plan.Instructions[0], swapped)
}

// Wrong per-fill addresses: the Lease at the swapped seeds (ask, bid) and the
// bid's OrderState slot given the ask's.
func TestAuditPerFillAccountsAtOtherAddressesAreInvalidPda(t *testing.T) {
	s := newLeaseScene(t)
	plan := s.plan(t, s.pair(t, s.bid(1), s.ask(2), 2, 1))
	commit := plan.Instructions[1]
	bidState, askState := commit.Accounts()[4].PublicKey, commit.Accounts()[5].PublicKey
	swappedLease, _ := client.LeaseAddress(s.chain.Client.ProgramID, askState, bidState)
	for name, change := range map[string]func(m solana.AccountMetaSlice){
		"lease at (ask, bid)":         func(m solana.AccountMetaSlice) { m[6] = solana.Meta(swappedLease).WRITE() },
		"bid state is the ask's":      func(m solana.AccountMetaSlice) { m[4] = solana.Meta(askState).WRITE() },
		"states swapped":              func(m solana.AccountMetaSlice) { m[4], m[5] = m[5], m[4] },
		"lease is the bid's state":    func(m solana.AccountMetaSlice) { m[6] = solana.Meta(bidState).WRITE() },
		"renter balance is the lease": func(m solana.AccountMetaSlice) { m[7] = m[6] },
	} {
		t.Run(name, func(t *testing.T) {
			metas := append(solana.AccountMetaSlice{}, commit.Accounts()...)
			change(metas)
			ix := solana.NewInstruction(commit.ProgramID(), metas, ixData(commit))
			want := "InvalidPda"
			if name == "renter balance is the lease" {
				want = "BalanceNotOpen" // the Lease does not exist yet
			}
			s.auditRejects(t, want, 1, append(s.watched(plan), swappedLease), []solana.PrivateKey{s.matcher}, plan.Instructions[0], ix)
		})
	}
}

// A wallet that runs a market of its own (and is its matcher) replays orders
// signed for this market there: they name this market, so nothing fills.
func TestAuditOrdersSignedForOneMarketCannotFillInAnother(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	attacker := s.chain.Wallet(t, 10*solana.LAMPORTS_PER_SOL)
	params := marketParams(attacker.PublicKey(), attacker.PublicKey())
	other, _, err := s.chain.Client.InitializeMarket(ctx, attacker, client.InitializeMarket{
		MarketID: 7, StableMint: s.stable, TokenMint: s.token, Params: params}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fill := s.pair(t, s.bid(1), s.ask(2), 2, 1)
	b := client.CommitLeases{Matcher: attacker.PublicKey(), Market: other, Fills: []client.LeaseFill{fill}, Ed25519Index: client.SendInstructionOffset}
	plan, err := b.Build(s.chain.Client.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	renterBalance, _ := client.BalanceAddress(s.chain.Client.ProgramID, s.market, s.renter.PublicKey(), s.stable)
	watched := []solana.PublicKey{other, renterBalance}
	for _, a := range plan.Instructions[1].Accounts()[4:] {
		watched = append(watched, a.PublicKey)
	}
	s.auditRejects(t, "WrongMarket", 1, watched, []solana.PrivateKey{attacker}, plan.Instructions...)
}

// A partly filled order cancelled on chain cannot be filled again through its
// stored copy (index 255), which carries no signature to re-check.
func TestAuditACancelledStoredOrderCannotBeFilledByReference(t *testing.T) {
	s := newLeaseScene(t)
	bid := s.bid(1)
	if _, _, err := s.commit(t, client.SendOptions{}, s.pair(t, bid, s.ask(2), 2, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.chain.Client.CancelOrder(context.Background(), s.renter, s.market, 1, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	s.rejects(t, s.plan(t, s.fillWith(client.StoredOrder(&bid), client.NewOrder(sign(t, s.ask(3), s.provider)), 2)), "OrderCancelled")
}

// A cancel-only record (no order stored) referenced as a stored order: there
// is nothing to fill, whatever order the matcher claims it is.
func TestAuditACancelOnlyRecordIsNotAStoredOrder(t *testing.T) {
	s := newLeaseScene(t)
	if _, err := s.chain.Client.CancelOrder(context.Background(), s.renter, s.market, 1, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	bid := s.bid(1)
	s.rejects(t, s.plan(t, s.fillWith(client.StoredOrder(&bid), client.NewOrder(sign(t, s.ask(3), s.provider)), 2)), "OrderNotStored")
}

// A stored reference to an order never filled (no OrderState yet).
func TestAuditAStoredReferenceWithoutAnOrderStateIsOrderNotStored(t *testing.T) {
	s := newLeaseScene(t)
	bid := s.bid(1)
	s.rejects(t, s.plan(t, s.fillWith(client.StoredOrder(&bid), client.NewOrder(sign(t, s.ask(3), s.provider)), 2)), "OrderNotStored")
}

// The same signed bid carried twice in new_orders (each copy with its own,
// correct Ed25519 entry, which the client's dedup never produces), one copy
// per fill, 6 + 3 GPUs of 8: both copies map to one OrderState, so the second
// fill sees the first and overfills.
func TestAuditTwoCopiesOfAnOrderInNewOrdersShareItsQuantity(t *testing.T) {
	s := newLeaseScene(t, oversizedTransactions)
	bid := sign(t, s.bid(1), s.renter)
	ask1, ask2 := sign(t, s.ask(2), s.provider), sign(t, s.ask(3), s.provider)
	plan := s.plan(t, s.fillWith(client.NewOrder(bid), client.NewOrder(ask1), 6), s.fillWith(client.NewOrder(bid), client.NewOrder(ask2), 3))
	orders := []solgridmarket.SignedOrder{*bid, *ask1, *bid, *ask2}
	fills := []solgridmarket.Fill{
		{PriceMicroUsd: askPrice, Hours: 1, GpuCount: 6, Bid: 0, Ask: 1, Maker: solgridmarket.Side_Ask},
		{PriceMicroUsd: askPrice, Hours: 1, GpuCount: 3, Bid: 2, Ask: 3, Maker: solgridmarket.Side_Ask},
	}
	ix, err := solgridmarket.NewCommitLeasesInstruction(client.SendInstructionOffset, orders, fills,
		s.matcher.PublicKey(), s.market, solana.SysVarInstructionsPubkey, solana.SystemProgramID)
	if err != nil {
		t.Fatal(err)
	}
	commit := withData(plan.Instructions[1], ixData(ix))
	ed := client.Ed25519Instruction(len(orders), client.SendInstructionOffset+1)
	s.rejects(t, plan, "Overfill", ed, commit)

	// The same two copies for 6 + 2 GPUs fill the bid exactly: the copies are
	// not refused as such, they just cannot add quantity.
	fills[1].GpuCount = 2
	ix, err = solgridmarket.NewCommitLeasesInstruction(client.SendInstructionOffset, orders, fills,
		s.matcher.PublicKey(), s.market, solana.SysVarInstructionsPubkey, solana.SystemProgramID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.send(ed, withData(plan.Instructions[1], ixData(ix))); err != nil {
		t.Fatalf("6 + 2 of 8 through two copies: %v", err)
	}
	st, err := s.chain.Client.FetchOrderState(context.Background(), s.market, s.renter.PublicKey(), 1)
	if err != nil || st.FilledGpus != 8 {
		t.Fatalf("bid filled %+v (%v), want 8", st, err)
	}
}
