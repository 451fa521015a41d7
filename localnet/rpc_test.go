package localnet_test

import (
	"context"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go/rpc"

	"github.com/solgrid/solgrid/localnet"
)

func TestHealthVersionAndSlotAdvancesWithTime(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	ctx := context.Background()

	health, err := c.GetHealth(ctx)
	if err != nil || health != "ok" {
		t.Fatalf("getHealth = %q, %v", health, err)
	}
	ver, err := c.GetVersion(ctx)
	if err != nil || ver.SolanaCore == "" {
		t.Fatalf("getVersion = %+v, %v", ver, err)
	}
	first, err := c.GetSlot(ctx, rpc.CommitmentFinalized)
	if err != nil {
		t.Fatalf("getSlot: %v", err)
	}
	time.Sleep(1200 * time.Millisecond) // 3 slots of 400ms
	second, err := c.GetSlot(ctx, rpc.CommitmentFinalized)
	if err != nil {
		t.Fatalf("getSlot: %v", err)
	}
	if second <= first {
		t.Fatalf("slot did not advance with wall time: %d then %d", first, second)
	}
	height, err := c.GetBlockHeight(ctx, rpc.CommitmentFinalized)
	if err != nil || height < second {
		t.Fatalf("getBlockHeight = %d, %v (slot %d)", height, err, second)
	}
}

func TestAirdropAndGetBalance(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	key := fundedWallet(t, c, 3*sol)
	if got := balance(t, c, key.PublicKey()); got != 3*sol {
		t.Fatalf("balance after airdrop = %d, want %d", got, 3*sol)
	}
	// The airdrop is a real transaction in the history of the recipient.
	sigs, err := c.GetSignaturesForAddress(context.Background(), key.PublicKey())
	if err != nil || len(sigs) != 1 {
		t.Fatalf("signatures for airdrop recipient = %v, %v", sigs, err)
	}
}

func TestUnknownMethodIsMethodNotFound(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	var out any
	err := c.RPCCallForInto(context.Background(), &out, "getNoSuchThing", nil)
	if re := rpcError(t, err); re.Code != -32601 {
		t.Fatalf("code = %d, want -32601 (%v)", re.Code, re)
	}
}

func TestMinimumBalanceAndFeeForMessage(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	ctx := context.Background()
	rent, err := c.GetMinimumBalanceForRentExemption(ctx, 165, rpc.CommitmentFinalized)
	if err != nil || rent != 2039280 {
		t.Fatalf("rent for 165 bytes = %d, %v; want 2039280", rent, err)
	}
	payer := fundedWallet(t, c, sol)
	tx := buildTx(t, c, payer, nil, transferIx(payer, payer.PublicKey(), 1))
	msg, err := tx.Message.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	fee, err := c.GetFeeForMessage(ctx, encodeBase64(msg), rpc.CommitmentFinalized)
	if err != nil || fee.Value == nil || *fee.Value != 5000 {
		t.Fatalf("getFeeForMessage = %+v, %v; want 5000", fee, err)
	}
}
