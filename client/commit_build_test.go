package client

import (
	"bytes"
	"crypto/ed25519"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

func signedPair(t *testing.T, market solana.PublicKey) (bid, ask solgridmarket.SignedOrder) {
	t.Helper()
	renter, provider := solana.NewWallet().PrivateKey, solana.NewWallet().PrivateKey
	b := testBid(renter.PublicKey())
	b.Market = market
	a := solgridmarket.Order{
		Market: market, Owner: provider.PublicKey(), OrderId: 7, LimitPrice: 2_000_000, ExpiresAt: 2_000_000_000,
		SkuMask: SKUMask(solgridmarket.GpuSku_H100Sxm), GpuCount: 8, MinHours: 1, MaxHours: 48,
		Node: solana.NewWallet().PublicKey(), Side: solgridmarket.Side_Ask, Version: OrderVersion,
	}
	var err error
	if bid, err = SignOrder(b, renter); err != nil {
		t.Fatal(err)
	}
	if ask, err = SignOrder(a, provider); err != nil {
		t.Fatal(err)
	}
	return bid, ask
}

// Every Ed25519 offset points at the right bytes of the commit data, and the
// precompile's own check (ed25519.Verify over exactly those bytes) passes.
func TestEd25519OffsetsPointIntoTheCommitData(t *testing.T) {
	market := solana.NewWallet().PublicKey()
	bid, ask := signedPair(t, market)
	b := CommitLeases{Matcher: solana.NewWallet().PublicKey(), Market: market, Ed25519Index: 3, Fills: []LeaseFill{
		{Bid: NewOrder(&bid), Ask: NewOrder(&ask), GPUs: 2, Hours: 3, PriceMicroUSD: 2_000_000, Maker: solgridmarket.Side_Ask},
	}}
	plan, err := b.Build(solgridmarket.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Instructions) != 2 || plan.NewOrders != 2 || len(plan.Leases) != 1 {
		t.Fatalf("plan: %d instructions, %d new orders, %d leases", len(plan.Instructions), plan.NewOrders, len(plan.Leases))
	}
	ed, commit := plan.Instructions[0], plan.Instructions[1]
	edData, _ := ed.Data()
	data, _ := commit.Data()
	if ed.ProgramID() != Ed25519ProgramID || len(ed.Accounts()) != 0 || edData[0] != 2 || edData[1] != 0 || len(edData) != 2+2*14 {
		t.Fatalf("ed25519 instruction: program %s, %d accounts, data %x", ed.ProgramID(), len(ed.Accounts()), edData)
	}
	if data[8] != 3 {
		t.Errorf("ed25519_instruction_index %d, want 3", data[8])
	}
	for i, s := range []solgridmarket.SignedOrder{bid, ask} {
		u := func(k int) int { return int(binary.LittleEndian.Uint16(edData[2+14*i+2*k:])) }
		for _, k := range []int{1, 3, 5 + 1} {
			if u(k) != 4 {
				t.Errorf("signature %d: instruction index field %d = %d, want 4 (the commit)", i, k, u(k))
			}
		}
		sig, key, msg := data[u(0):u(0)+64], data[u(2):u(2)+32], data[u(4):u(4)+u(5)]
		if !bytes.Equal(sig, s.Signature[:]) || !bytes.Equal(key, s.Order.Owner[:]) {
			t.Errorf("signature %d: offsets do not point at its signature and owner", i)
		}
		want, _ := OrderMessage(&s.Order)
		if !bytes.Equal(msg, want) || !ed25519.Verify(key, msg, sig) {
			t.Errorf("signature %d: message bytes are not domain ‖ order", i)
		}
	}
	accounts := commit.Accounts()
	if len(accounts) != 4+4 || !accounts[0].IsSigner || accounts[2].PublicKey != solana.SysVarInstructionsPubkey {
		t.Fatalf("commit accounts: %v", accounts)
	}
	bidState, _ := OrderStateAddress(solgridmarket.ProgramID, market, bid.Order.Owner, bid.Order.OrderId)
	askState, _ := OrderStateAddress(solgridmarket.ProgramID, market, ask.Order.Owner, ask.Order.OrderId)
	lease, _ := LeaseAddress(solgridmarket.ProgramID, bidState, askState)
	balance, _ := BalanceAddress(solgridmarket.ProgramID, market, bid.Order.Owner, bid.Order.PaymentMint)
	for i, want := range []solana.PublicKey{bidState, askState, lease, balance} {
		if accounts[4+i].PublicKey != want || !accounts[4+i].IsWritable {
			t.Errorf("fill account %d = %s, want writable %s", i, accounts[4+i].PublicKey, want)
		}
	}
	if plan.Leases[0] != lease {
		t.Errorf("lease %s, want %s", plan.Leases[0], lease)
	}
}

// A taker order shared by three fills is carried once; stored orders not at all.
func TestCommitCarriesEachNewOrderOnce(t *testing.T) {
	market := solana.NewWallet().PublicKey()
	bid, ask := signedPair(t, market)
	_, ask2 := signedPair(t, market)
	stored := ask2.Order
	b := CommitLeases{Matcher: solana.NewWallet().PublicKey(), Market: market, Fills: []LeaseFill{
		{Bid: NewOrder(&bid), Ask: NewOrder(&ask), GPUs: 1, Hours: 1, PriceMicroUSD: 2_000_000},
		{Bid: NewOrder(&bid), Ask: StoredOrder(&stored), GPUs: 1, Hours: 1, PriceMicroUSD: 2_000_000},
	}}
	plan, err := b.Build(solgridmarket.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := plan.Instructions[1].Data()
	if plan.NewOrders != 2 || binary.LittleEndian.Uint32(data[9:]) != 2 {
		t.Fatalf("new orders %d", plan.NewOrders)
	}
	fills := data[commitOrdersOffset+2*signedOrderSize+4:]
	if fills[16] != 0 || fills[17] != 1 || fills[19+16] != 0 || fills[19+17] != solgridmarket.STORED_ORDER {
		t.Errorf("fill order indexes %v", fills)
	}
	b.Fills = b.Fills[1:2]
	b.Fills[0].Bid = StoredOrder(&bid.Order)
	plan, err = b.Build(solgridmarket.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Instructions) != 1 || plan.NewOrders != 0 {
		t.Errorf("all stored: %d instructions, %d new orders; want only the commit", len(plan.Instructions), plan.NewOrders)
	}
}

func TestCommitValidateRefusesBadInput(t *testing.T) {
	market := solana.NewWallet().PublicKey()
	bid, ask := signedPair(t, market)
	forged := bid
	forged.Signature[0] ^= 1
	// Same owner and order id, different terms, both validly signed.
	owner := solana.NewWallet().PrivateKey
	o := testBid(owner.PublicKey())
	o.Market = market
	first, _ := SignOrder(o, owner)
	o.LimitPrice++
	conflicting, _ := SignOrder(o, owner)
	cases := map[string][]LeaseFill{
		"no fills":          nil,
		"zero gpus":         {{Bid: NewOrder(&bid), Ask: NewOrder(&ask), Hours: 1}},
		"both refs":         {{Bid: OrderRef{Signed: &bid, Stored: &bid.Order}, Ask: NewOrder(&ask), GPUs: 1, Hours: 1}},
		"bad signature":     {{Bid: NewOrder(&forged), Ask: NewOrder(&ask), GPUs: 1, Hours: 1}},
		"too many fills":    make([]LeaseFill, 17),
		"conflicting order": {{Bid: NewOrder(&first), Ask: NewOrder(&ask), GPUs: 1, Hours: 1}, {Bid: NewOrder(&conflicting), Ask: NewOrder(&ask), GPUs: 1, Hours: 1}},
	}
	for name, fills := range cases {
		b := CommitLeases{Matcher: solana.NewWallet().PublicKey(), Market: market, Fills: fills}
		if err := b.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// The memcmp offsets used by LeasesByRenter/Provider are the Lease layout of
// the C header (programs/market/generated/solgrid_market_idl.h).
func TestLeaseFilterOffsetsMatchTheProgramLayout(t *testing.T) {
	if LeaseMarketOffset != 104 || LeaseRenterOffset != 136 || LeaseProviderOffset != 168 {
		t.Errorf("lease offsets market %d renter %d provider %d, want 104 136 168", LeaseMarketOffset, LeaseRenterOffset, LeaseProviderOffset)
	}
}

func TestTransactionSizeCountsTheWireBytes(t *testing.T) {
	market := solana.NewWallet().PublicKey()
	bid, ask := signedPair(t, market)
	b := CommitLeases{Matcher: solana.NewWallet().PublicKey(), Market: market, Ed25519Index: SendInstructionOffset,
		Fills: []LeaseFill{{Bid: NewOrder(&bid), Ask: NewOrder(&ask), GPUs: 1, Hours: 1, PriceMicroUSD: 2_000_000}}}
	plan, err := b.Build(solgridmarket.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	size, err := TransactionSize(plan.Instructions, b.Matcher)
	if err != nil {
		t.Fatal(err)
	}
	// Two orders (508 bytes) + the Ed25519 offsets + 11 keys: a single all-new fill is ~1 KB.
	if size < 2*signedOrderSize+11*32 || size > MaxTransactionSize {
		t.Errorf("one all-new fill is %d bytes", size)
	}
	if !strings.Contains(Ed25519ProgramID.String(), "Ed25519SigVerify") {
		t.Error("ed25519 program id")
	}
}
