package client

import (
	"errors"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/idl"
)

func testBid(owner solana.PublicKey) solgridmarket.Order {
	return solgridmarket.Order{
		Market: solana.NewWallet().PublicKey(), Owner: owner, OrderId: 42,
		LimitPrice: 2_500_000, ExpiresAt: 2_000_000_000,
		SkuMask: SKUMask(solgridmarket.GpuSku_H100Sxm, solgridmarket.GpuSku_H200), GpuCount: 8,
		MinHours: 1, MaxHours: 24, PaymentMint: solana.NewWallet().PublicKey(),
		Side: solgridmarket.Side_Bid, Version: OrderVersion, MaxFeeBps: 250,
	}
}

func TestSignedOrderVerifiesAndTamperingBreaksIt(t *testing.T) {
	key := solana.NewWallet().PrivateKey
	signed, err := SignOrder(testBid(key.PublicKey()), key)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyOrder(&signed); err != nil {
		t.Fatalf("fresh signature: %v", err)
	}
	tampered := signed
	tampered.Order.LimitPrice++
	if err := VerifyOrder(&tampered); !errors.Is(err, ErrBadOrderSignature) {
		t.Errorf("raised price: %v", err)
	}
	otherDomain := signed
	otherDomain.Domain[0] ^= 1
	if err := VerifyOrder(&otherDomain); !errors.Is(err, ErrBadOrderSignature) {
		t.Errorf("wrong domain: %v", err)
	}
}

// The signed message is the domain then exactly the Borsh bytes the program reads.
func TestOrderMessageLayout(t *testing.T) {
	o := testBid(solana.NewWallet().PublicKey())
	msg, err := OrderMessage(&o)
	if err != nil {
		t.Fatal(err)
	}
	if string(msg[:16]) != "solgrid:order:v1" || len(msg) != 16+176 {
		t.Fatalf("message %q... length %d", msg[:16], len(msg))
	}
	if solana.PublicKeyFromBytes(msg[16+32:16+64]) != o.Owner {
		t.Error("owner is not at message offset 48, where the Ed25519 instruction points")
	}
}

func TestSignOrderRefusesAnotherOwnersOrder(t *testing.T) {
	key := solana.NewWallet().PrivateKey
	if _, err := SignOrder(testBid(solana.NewWallet().PublicKey()), key); err == nil {
		t.Fatal("signed an order owned by someone else")
	}
}

func TestValidateOrderRejectsMalformedOrders(t *testing.T) {
	owner := solana.NewWallet().PublicKey()
	cases := map[string]func(*solgridmarket.Order){
		"version":      func(o *solgridmarket.Order) { o.Version = 2 },
		"no sku":       func(o *solgridmarket.Order) { o.SkuMask = 0 },
		"unknown sku":  func(o *solgridmarket.Order) { o.SkuMask = 1 << SKUCount },
		"ask two skus": func(o *solgridmarket.Order) { o.Side = solgridmarket.Side_Ask },
		"zero gpus":    func(o *solgridmarket.Order) { o.GpuCount = 0 },
		"zero price":   func(o *solgridmarket.Order) { o.LimitPrice = 0 },
		"hours":        func(o *solgridmarket.Order) { o.MinHours = 5; o.MaxHours = 4 },
		"zero hours":   func(o *solgridmarket.Order) { o.MinHours = 0 },
		"bid no mint":  func(o *solgridmarket.Order) { o.PaymentMint = solana.PublicKey{} },
		"side":         func(o *solgridmarket.Order) { o.Side = 2 },
		"fee cap":      func(o *solgridmarket.Order) { o.MaxFeeBps = MaxBps + 1 },
	}
	for name, mutate := range cases {
		o := testBid(owner)
		mutate(&o)
		if err := ValidateOrder(&o); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	o := testBid(owner)
	if err := ValidateOrder(&o); err != nil {
		t.Errorf("valid bid refused: %v", err)
	}
}

// Nothing new is mandatory: a zero cap accepts only a fee-free market, 100% accepts any fee.
func TestValidateOrderAcceptsFeeCapsUpToOneHundredPercent(t *testing.T) {
	for _, cap := range []uint16{0, 250, MaxBps} {
		o := testBid(solana.NewWallet().PublicKey())
		o.MaxFeeBps = cap
		if err := ValidateOrder(&o); err != nil {
			t.Errorf("max fee %d bps refused: %v", cap, err)
		}
	}
	ask := testBid(solana.NewWallet().PublicKey())
	ask.Side, ask.SkuMask, ask.MaxFeeBps = solgridmarket.Side_Ask, SKUMask(solgridmarket.GpuSku_H100Sxm), MaxBps+1
	if err := ValidateOrder(&ask); err != nil {
		t.Errorf("an ask's (ignored) fee cap was checked: %v", err)
	}
}

// The Go table and the IDL enum (shared with the C program) must list the same SKUs.
func TestGPUTableMatchesIDLEnum(t *testing.T) {
	enum := idl.Market().Type("GpuSku")
	if enum == nil || len(enum.Type.Variants) != SKUCount || len(GPUs) != SKUCount {
		t.Fatalf("IDL has %v, Go table %d, SKUCount %d", enum, len(GPUs), SKUCount)
	}
	for i, g := range GPUs {
		if int(g.SKU) != i || g.SKU.String() != enum.Type.Variants[i].Name {
			t.Errorf("GPUs[%d] = %v (%s), IDL variant %s", i, g.SKU, g.SKU, enum.Type.Variants[i].Name)
		}
	}
	if g, err := ParseGPU("H100-SXM"); err != nil || g.SKU != solgridmarket.GpuSku_H100Sxm {
		t.Errorf("ParseGPU: %v %v", g, err)
	}
	if _, err := ParseGPU("gtx1080"); err == nil {
		t.Error("unknown GPU accepted")
	}
}
