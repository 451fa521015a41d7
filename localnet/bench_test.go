package localnet_test

import (
	"context"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	confirm "github.com/gagliardetto/solana-go/rpc/sendAndConfirmTransaction"

	"github.com/solgrid/solgrid/localnet"
)

func BenchmarkStart(b *testing.B) {
	for b.Loop() {
		v, err := localnet.Start(context.Background(), localnet.Config{})
		if err != nil {
			b.Fatal(err)
		}
		_ = v.Stop()
	}
}

func BenchmarkSendAndConfirmTransfer(b *testing.B) {
	v, err := localnet.Start(context.Background(), localnet.Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer v.Stop()
	c := rpc.New(v.RPCURL())
	wsc, err := wsConnect(v)
	if err != nil {
		b.Fatal(err)
	}
	defer wsc.Close()
	payer := solana.NewWallet().PrivateKey
	if _, err := c.RequestAirdrop(context.Background(), payer.PublicKey(), 100000*sol, rpc.CommitmentFinalized); err != nil {
		b.Fatal(err)
	}
	to := solana.NewWallet().PublicKey()
	bh, _ := c.GetLatestBlockhash(context.Background(), rpc.CommitmentFinalized)
	n := sol // the first transfer must leave the new recipient rent-exempt
	for b.Loop() {
		n++ // distinct amounts keep signatures distinct under one blockhash
		if n%100 == 0 {
			bh, _ = c.GetLatestBlockhash(context.Background(), rpc.CommitmentFinalized)
		}
		tx, _ := solana.NewTransaction([]solana.Instruction{transferIxPub(payer, to, n)}, bh.Value.Blockhash, solana.TransactionPayer(payer.PublicKey()))
		_, _ = tx.Sign(func(solana.PublicKey) *solana.PrivateKey { return &payer })
		if _, err := confirm.SendAndConfirmTransaction(context.Background(), c, wsc, tx); err != nil {
			b.Fatal(err)
		}
	}
}
