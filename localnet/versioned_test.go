package localnet_test

import (
	"context"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	confirm "github.com/gagliardetto/solana-go/rpc/sendAndConfirmTransaction"

	"github.com/solgrid/solgrid/localnet"
)

func TestV0TransactionAndMaxSupportedVersion(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	ctx := context.Background()
	payer := fundedWallet(t, c, sol)
	to := solana.NewWallet().PublicKey()

	bh, err := c.GetLatestBlockhash(ctx, rpc.CommitmentFinalized)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := solana.NewTransaction([]solana.Instruction{transferIx(payer, to, sol/2)}, bh.Value.Blockhash, solana.TransactionPayer(payer.PublicKey()))
	if err != nil {
		t.Fatal(err)
	}
	tx.Message.SetVersion(solana.MessageVersionV0)
	if _, err := tx.Sign(func(solana.PublicKey) *solana.PrivateKey { return &payer }); err != nil {
		t.Fatal(err)
	}
	sig, err := confirm.SendAndConfirmTransaction(ctx, c, wsClient(t, v), tx)
	if err != nil {
		t.Fatalf("send v0: %v", err)
	}
	if _, err := c.GetTransaction(ctx, sig, &rpc.GetTransactionOpts{}); rpcError(t, err).Code != -32015 {
		t.Fatalf("v0 without maxSupportedTransactionVersion: %v", err)
	}
	zero := uint64(0)
	got, err := c.GetTransaction(ctx, sig, &rpc.GetTransactionOpts{MaxSupportedTransactionVersion: &zero})
	if err != nil || got.Version != 0 || got.Meta.Fee != 5000 {
		t.Fatalf("v0 getTransaction = %+v, %v", got, err)
	}
	// base64: solana-go's JSON message decoding cannot tell v0 from legacy without lookups.
	raw, err := c.GetTransaction(ctx, sig, &rpc.GetTransactionOpts{MaxSupportedTransactionVersion: &zero, Encoding: solana.EncodingBase64})
	if err != nil {
		t.Fatalf("v0 getTransaction base64: %v", err)
	}
	parsed, err := raw.Transaction.GetTransaction()
	if err != nil || !parsed.Message.IsVersioned() || parsed.Signatures[0] != sig {
		t.Fatalf("parsed v0 transaction: %v %+v", err, parsed)
	}
}
