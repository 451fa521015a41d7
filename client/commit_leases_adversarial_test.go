package client_test

import (
	"context"
	"crypto/ed25519"
	"encoding/binary"
	"errors"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// The adversarial suite of commit_leases: one attack each, every one landed past
// simulation so the chain itself refuses it, asserting the named error and that
// no account of the commit (OrderStates, Lease, renter Balance, market) changed.

const (
	ordersAt     = 13  // new_orders[0] in the commit data
	orderSize    = 256 // SignedOrder
	ownerInOrder = 64 + 16 + 32
)

func ixData(ix solana.Instruction) []byte {
	d, _ := ix.Data()
	return append([]byte{}, d...)
}

func withData(ix solana.Instruction, data []byte) solana.Instruction {
	return solana.NewInstruction(ix.ProgramID(), ix.Accounts(), data)
}

func ed25519Entry(data []byte, i int, v ...uint16) {
	for k, x := range v {
		binary.LittleEndian.PutUint16(data[2+14*i+2*k:], x)
	}
}

func TestCommitRejectsForgedSignature(t *testing.T) {
	s := newLeaseScene(t)
	plan := s.plan(t, s.pair(t, s.bid(1), s.ask(2), 4, 3))
	data := ixData(plan.Instructions[1])
	for i := 0; i < 64; i++ { // random bytes where the bid's signature was
		data[ordersAt+i] = byte(i*37 + 11)
	}
	before := s.snapshot(t, s.watched(plan)...)
	err := s.send(plan.Instructions[0], withData(plan.Instructions[1], data))
	var txErr *client.TransactionError
	var progErr *client.ProgramError
	if !errors.As(err, &txErr) || errors.As(err, &progErr) {
		t.Fatalf("got %v, want the Ed25519 precompile to fail the transaction", err)
	}
	s.requireUnchanged(t, before, s.watched(plan)...)
}

// The renter really signed an order, but another one (a lower price): the
// Ed25519 instruction verifies that signature over bytes carried in its own
// data (instruction index 0xFFFF), while the commit carries the order the
// renter never signed.
func TestCommitRejectsSignatureOfADifferentMessage(t *testing.T) {
	s := newLeaseScene(t, oversizedTransactions)
	bid := s.bid(1)
	plan := s.plan(t, s.pair(t, bid, s.ask(2), 4, 3))
	signedBid := bid
	signedBid.LimitPrice = askPrice // what the renter agreed to
	msg, _ := client.OrderMessage(&signedBid)
	sig := ed25519.Sign(ed25519.PrivateKey(s.renter), msg)
	ed := ixData(plan.Instructions[0])
	inline := uint16(len(ed))
	ed = append(append(append(ed, sig...), s.renter.PublicKey().Bytes()...), msg...)
	ed25519Entry(ed, 0, inline, 0xffff, inline+64, 0xffff, inline+96, uint16(len(msg)), 0xffff)
	s.rejects(t, plan, "InvalidEd25519Instruction", withData(plan.Instructions[0], ed), plan.Instructions[1])
}

// A second, byte-identical copy of the bid sits in new_orders; the Ed25519
// offsets for order 0 point at the copy. Every signature is valid; the offset is not.
func TestCommitRejectsEd25519OffsetPointingAtAnotherCopy(t *testing.T) {
	s := newLeaseScene(t, oversizedTransactions)
	fill := s.pair(t, s.bid(1), s.ask(2), 4, 3)
	plan := s.plan(t, fill)
	orders := []solgridmarket.SignedOrder{*fill.Bid.Signed, *fill.Ask.Signed, *fill.Bid.Signed}
	fills := []solgridmarket.Fill{{PriceMicroUsd: askPrice, Hours: 3, GpuCount: 4, Bid: 0, Ask: 1, Maker: solgridmarket.Side_Ask}}
	ix, err := solgridmarket.NewCommitLeasesInstruction(client.SendInstructionOffset, orders, fills,
		s.matcher.PublicKey(), s.market, solana.SysVarInstructionsPubkey, solana.SystemProgramID)
	if err != nil {
		t.Fatal(err)
	}
	commit := withData(plan.Instructions[1], ixData(ix))
	ed := ixData(client.Ed25519Instruction(3, 2))
	copyAt := uint16(ordersAt + 2*orderSize)
	ed25519Entry(ed, 0, copyAt, 2, copyAt+ownerInOrder, 2, copyAt+64, 16+176, 2)
	s.rejects(t, plan, "InvalidEd25519Instruction", withData(plan.Instructions[0], ed), commit)
}

// ed25519_instruction_index names the compute-budget instruction, not the
// Ed25519 one (which is still there and valid).
func TestCommitRejectsEd25519IndexPointingElsewhere(t *testing.T) {
	s := newLeaseScene(t)
	plan := s.plan(t, s.pair(t, s.bid(1), s.ask(2), 4, 3))
	data := ixData(plan.Instructions[1])
	data[8] = 0
	s.rejects(t, plan, "MissingEd25519Instruction", plan.Instructions[0], withData(plan.Instructions[1], data))
}

// The bid carries the provider's signature, and the Ed25519 instruction checks
// it against the ask's owner field: a valid signature, by the wrong party.
func TestCommitRejectsSignerSwappedBetweenBidAndAsk(t *testing.T) {
	s := newLeaseScene(t)
	bid := s.bid(1)
	plan := s.plan(t, s.pair(t, bid, s.ask(2), 4, 3))
	msg, _ := client.OrderMessage(&bid)
	data := ixData(plan.Instructions[1])
	copy(data[ordersAt:], ed25519.Sign(ed25519.PrivateKey(s.provider), msg))
	ed := ixData(plan.Instructions[0])
	binary.LittleEndian.PutUint16(ed[2+4:], uint16(ordersAt+orderSize+ownerInOrder)) // bid's key := the ask's owner
	s.rejects(t, plan, "SignatureKeyMismatch", withData(plan.Instructions[0], ed), withData(plan.Instructions[1], data))
}

func TestCommitRejectsReplayOfACommittedFill(t *testing.T) {
	s := newLeaseScene(t)
	fill := s.pair(t, s.bid(1), s.ask(2), 2, 3)
	if _, _, err := s.commit(t, client.SendOptions{}, fill); err != nil {
		t.Fatal(err)
	}
	s.rejects(t, s.plan(t, fill), "LeaseAlreadyExists")
}

func TestCommitRejectsOverfillAcrossTwoCommits(t *testing.T) {
	s := newLeaseScene(t)
	bid := s.bid(1)
	if _, _, err := s.commit(t, client.SendOptions{}, s.pair(t, bid, s.ask(2), 6, 1)); err != nil {
		t.Fatal(err)
	}
	plan := s.plan(t, client.LeaseFill{Bid: client.StoredOrder(&bid), Ask: client.NewOrder(sign(t, s.ask(3), s.provider)),
		GPUs: 3, Hours: 1, PriceMicroUSD: askPrice, Maker: solgridmarket.Side_Ask})
	s.rejects(t, plan, "Overfill")
}

func TestCommitRejectsExpiredOrder(t *testing.T) {
	s := newLeaseScene(t)
	bid := s.bid(1)
	bid.ExpiresAt = time.Now().Unix() + 30
	plan := s.plan(t, s.pair(t, bid, s.ask(2), 4, 3))
	s.warp(t, 60)
	s.rejects(t, plan, "OrderExpired")
}

func TestCommitRejectsCancelledOrder(t *testing.T) {
	s := newLeaseScene(t)
	if _, err := s.chain.Client.CancelOrder(context.Background(), s.renter, s.market, 1, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	s.rejects(t, s.plan(t, s.pair(t, s.bid(1), s.ask(2), 4, 3)), "OrderCancelled")
}

// The bid's limit is below the ask's: no price satisfies both.
func TestCommitRejectsPriceOutsideALimit(t *testing.T) {
	s := newLeaseScene(t)
	bid := s.bid(1)
	bid.LimitPrice = askPrice - 1
	s.rejects(t, s.plan(t, s.pair(t, bid, s.ask(2), 4, 3)), "PriceOutsideLimits")
}

func TestCommitRejectsSkuNotAccepted(t *testing.T) {
	s := newLeaseScene(t)
	bid := s.bid(1)
	bid.SkuMask = client.SKUMask(solgridmarket.GpuSku_L4, solgridmarket.GpuSku_A10080gb)
	s.rejects(t, s.plan(t, s.pair(t, bid, s.ask(2), 4, 3)), "SkuNotAccepted")
}

// 8 GPUs x 24 h at $2.00 = $384 (+ fee) against $100 deposited.
func TestCommitRejectsInsufficientBalance(t *testing.T) {
	s := newLeaseScene(t)
	s.rejects(t, s.plan(t, s.pair(t, s.bid(1), s.ask(2), 8, 24)), "InsufficientFunds")
}

// A token-paid bid needs a price no older than max_price_staleness_secs (300).
func TestCommitRejectsStaleTokenPrice(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	if _, _, err := s.chain.Client.MintToOwner(ctx, s.authority, s.token, s.renter.PublicKey(), 50_000_000_000); err != nil {
		t.Fatal(err)
	}
	s.deposit(t, s.renter, s.token, 50_000_000_000)
	if _, err := s.chain.Client.SetTokenPrice(ctx, s.oracle, client.SetTokenPrice{Market: s.market, PriceMicroUsd: 1_300_000}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	s.warp(t, 301)
	bid := s.bid(1)
	bid.PaymentMint = s.token
	s.rejects(t, s.plan(t, s.pair(t, bid, s.ask(2), 4, 3)), "StaleTokenPrice")
}

// price x GPUs x hours does not fit in a u64.
func TestCommitRejectsArithmeticOverflow(t *testing.T) {
	s := newLeaseScene(t)
	bid, ask := s.bid(1), s.ask(2)
	bid.LimitPrice, ask.LimitPrice = 1<<62, 1<<62
	s.rejects(t, s.plan(t, s.pair(t, bid, ask, 8, 24)), "ArithmeticOverflow")
}

func TestCommitRejectsSignerOtherThanTheMarketsMatcher(t *testing.T) {
	s := newLeaseScene(t)
	fill := s.pair(t, s.bid(1), s.ask(2), 4, 3)
	plan := s.plan(t, fill)
	before := s.snapshot(t, s.watched(plan)...)
	_, _, err := s.chain.Client.CommitLeases(context.Background(), s.renter, client.CommitLeases{Market: s.market, Fills: []client.LeaseFill{fill}}, landed)
	requireProgramError(t, err, "Unauthorized")
	s.requireUnchanged(t, before, s.watched(plan)...)
}

// raiseFees is the authority changing the market's fees (update_market).
func (s *leaseScene) raiseFees(t *testing.T, stableBps, tokenBps uint16) {
	t.Helper()
	params := marketParams(s.treasury, s.oracle.PublicKey())
	params.FeeBpsStable, params.FeeBpsToken = stableBps, tokenBps
	if _, err := s.chain.Client.UpdateMarket(context.Background(), s.authority,
		client.UpdateMarket{Market: s.market, Params: params, NewAuthority: s.authority.PublicKey()}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
}

// The renter signed for the market's 2.5% fee; the authority then raises it to
// 100%. The bid's price limit still holds, but it would pay double: refused,
// and the renter's Balance is untouched.
func TestCommitRejectsFeeRaisedAfterTheBidWasSigned(t *testing.T) {
	s := newLeaseScene(t)
	fill := s.pair(t, s.bid(1), s.ask(2), 4, 3) // signed with MaxFeeBps = 250
	s.raiseFees(t, client.MaxBps, 100)
	s.rejects(t, s.plan(t, fill), "FeeAboveOrderLimit")
	if b := s.balance(t, s.renter.PublicKey(), s.stable); b.Available != sceneFunds || b.Locked != 0 {
		t.Errorf("renter balance available %d locked %d, want %d and 0", b.Available, b.Locked, sceneFunds)
	}
}

// A token-paid bid is held to fee_bps_token, not the (higher) stablecoin fee:
// capped at 100 bps it commits while the stablecoin fee is 250, and its stored
// copy is refused once the token fee rises to 101.
func TestCommitChecksATokenBidsFeeCapAgainstTheTokenFee(t *testing.T) {
	ctx := context.Background()
	s := newLeaseScene(t)
	const funds = 50_000_000_000
	if _, _, err := s.chain.Client.MintToOwner(ctx, s.authority, s.token, s.renter.PublicKey(), funds); err != nil {
		t.Fatal(err)
	}
	s.deposit(t, s.renter, s.token, funds)
	if _, err := s.chain.Client.SetTokenPrice(ctx, s.oracle, client.SetTokenPrice{Market: s.market, PriceMicroUsd: 1_300_000}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	bid := s.bid(1)
	bid.PaymentMint, bid.MaxFeeBps = s.token, 100
	if _, _, err := s.commit(t, client.SendOptions{}, s.pair(t, bid, s.ask(2), 4, 3)); err != nil {
		t.Fatalf("token bid at its fee cap: %v", err)
	}
	s.raiseFees(t, 250, 101)
	plan := s.plan(t, client.LeaseFill{Bid: client.StoredOrder(&bid), Ask: client.NewOrder(sign(t, s.ask(3), s.provider)),
		GPUs: 2, Hours: 3, PriceMicroUSD: askPrice, Maker: solgridmarket.Side_Ask})
	before := s.balance(t, s.renter.PublicKey(), s.token)
	s.rejects(t, plan, "FeeAboveOrderLimit")
	if after := s.balance(t, s.renter.PublicKey(), s.token); *after != *before {
		t.Errorf("token balance changed: %+v -> %+v", *before, *after)
	}
}
