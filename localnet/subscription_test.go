package localnet_test

import (
	"context"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"

	"github.com/solgrid/solgrid/localnet"
)

func TestAccountSubscribeNotifiesOnChange(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	wsc := wsClient(t, v)
	payer := fundedWallet(t, c, sol)
	to := solana.NewWallet().PublicKey()

	sub, err := wsc.AccountSubscribe(to, rpc.CommitmentFinalized)
	if err != nil {
		t.Fatalf("accountSubscribe: %v", err)
	}
	defer sub.Unsubscribe()
	if _, err := c.SendTransaction(context.Background(), buildTx(t, c, payer, nil, transferIx(payer, to, sol/4))); err != nil {
		t.Fatalf("send: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	got, err := sub.Recv(ctx)
	if err != nil {
		t.Fatalf("account notification: %v", err)
	}
	if got.Value.Lamports != sol/4 || got.Value.Owner != solana.SystemProgramID {
		t.Fatalf("notified account = %+v", got.Value)
	}
}

func TestSignatureSubscribeAfterProcessingNotifiesImmediately(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	wsc := wsClient(t, v)
	payer := fundedWallet(t, c, sol)
	sig, err := c.SendTransaction(context.Background(), buildTx(t, c, payer, nil, transferIx(payer, solana.NewWallet().PublicKey(), sol/4)))
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	sub, err := wsc.SignatureSubscribe(sig, rpc.CommitmentFinalized)
	if err != nil {
		t.Fatalf("signatureSubscribe: %v", err)
	}
	defer sub.Unsubscribe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	got, err := sub.Recv(ctx)
	if err != nil || got.Value.Err != nil {
		t.Fatalf("signature notification = %+v, %v", got, err)
	}
}
