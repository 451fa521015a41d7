package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/programs/system"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/clienttest"
)

// BenchmarkInitializeMarket reports the compute units of initialize_market (the
// PDA bump search makes them vary a little with the authority key) and the time of
// a whole simulate + send + confirm round trip on the localnet.
func BenchmarkInitializeMarket(b *testing.B) {
	ctx := context.Background()
	chain := clienttest.Start(b)
	authority := chain.Wallet(b, 1_000*solana.LAMPORTS_PER_SOL)
	stable, token := chain.Mint(b, authority, 6), chain.Mint(b, authority, 6)
	var totalCU, minCU, maxCU uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, res, err := chain.Client.InitializeMarket(ctx, authority, client.InitializeMarket{
			MarketID: uint64(i + 1), StableMint: stable, TokenMint: token,
			Params: marketParams(authority.PublicKey(), authority.PublicKey()),
		}, client.SendOptions{})
		if err != nil {
			b.Fatal(err)
		}
		totalCU += res.ComputeUnits
		if minCU == 0 || res.ComputeUnits < minCU {
			minCU = res.ComputeUnits
		}
		maxCU = max(maxCU, res.ComputeUnits)
	}
	b.ReportMetric(float64(totalCU)/float64(b.N), "CU/op")
	b.ReportMetric(float64(minCU), "minCU")
	b.ReportMetric(float64(maxCU), "maxCU")
}

// BenchmarkSendAndConfirmTransfer is the localnet's send-and-confirm latency for
// the cheapest transaction, with a fixed compute budget (no simulation round trip).
func BenchmarkSendAndConfirmTransfer(b *testing.B) {
	ctx := context.Background()
	chain := clienttest.Start(b)
	payer := chain.Wallet(b, 1_000*solana.LAMPORTS_PER_SOL)
	to := solana.NewWallet().PublicKey()
	var worst time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		ix := system.NewTransferInstruction(uint64(1_000_000+i), payer.PublicKey(), to).Build()
		if _, err := chain.Client.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{payer}, client.SendOptions{ComputeUnits: 1_000}); err != nil {
			b.Fatal(err)
		}
		worst = max(worst, time.Since(start))
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
}
