package client_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/clienttest"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

func marketParams(treasury, oracle solana.PublicKey) solgridmarket.MarketParams {
	return solgridmarket.MarketParams{
		Treasury: treasury, OracleAuthority: oracle, Matcher: oracle,
		SubsidyPerGpuHour: 500_000, CheckerRewardPerReport: 10_000, MinerPriceMicroUsd: 100_000_000,
		MaxPriceStalenessSecs: 300, CheckerMinReportIntervalSecs: 60, MinerMaxSupply: 10_000,
		FeeBpsStable: 250, FeeBpsToken: 100, MinerFeeShareBps: 2_000,
	}
}

func TestInitializeMarketWritesEveryField(t *testing.T) {
	ctx := context.Background()
	chain := clienttest.Start(t)
	authority := chain.Wallet(t, 10*solana.LAMPORTS_PER_SOL)
	stable, token := chain.Mint(t, authority, 6), chain.Mint(t, authority, 6)
	treasury, oracle := solana.NewWallet().PublicKey(), solana.NewWallet().PublicKey()
	params := marketParams(treasury, oracle)

	before := time.Now().Unix()
	addr, res, err := chain.Client.InitializeMarket(ctx, authority, client.InitializeMarket{
		MarketID: 7, StableMint: stable, TokenMint: token, Params: params,
	}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.ComputeUnits == 0 {
		t.Error("no compute units measured")
	}
	wantAddr, bump := client.MarketAddress(solgridmarket.ProgramID, authority.PublicKey(), 7)
	stableVault, stableVaultBump := client.VaultAddress(solgridmarket.ProgramID, wantAddr, stable)
	tokenVault, tokenVaultBump := client.VaultAddress(solgridmarket.ProgramID, wantAddr, token)
	if addr != wantAddr {
		t.Fatalf("market at %s, want PDA %s", addr, wantAddr)
	}
	m, err := chain.Client.FetchMarket(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	want := solgridmarket.Market{
		MarketId: 7, Authority: authority.PublicKey(), SeedAuthority: authority.PublicKey(), Treasury: treasury, OracleAuthority: oracle, Matcher: oracle,
		StableMint: stable, TokenMint: token, StableVault: stableVault, TokenVault: tokenVault,
		StableVaultBump: stableVaultBump, TokenVaultBump: tokenVaultBump, TokenDecimals: 6,
		SubsidyPerGpuHour: params.SubsidyPerGpuHour, CheckerRewardPerReport: params.CheckerRewardPerReport,
		MinerPriceMicroUsd: params.MinerPriceMicroUsd, MaxPriceStalenessSecs: params.MaxPriceStalenessSecs,
		CheckerMinReportIntervalSecs: params.CheckerMinReportIntervalSecs, MinerMaxSupply: params.MinerMaxSupply,
		FeeBpsStable: 250, FeeBpsToken: 100, MinerFeeShareBps: 2_000, Bump: bump,
		CreatedAt: m.CreatedAt,
	}
	if m.CreatedAt < before-5 || m.CreatedAt > time.Now().Unix()+5 {
		t.Errorf("created_at %d is not the cluster's current time (~%d)", m.CreatedAt, before)
	}
	gotBytes, _ := m.Marshal()
	wantBytes, _ := want.Marshal()
	if !bytes.Equal(gotBytes, wantBytes) {
		t.Errorf("market fields\n got %+v\nwant %+v", *m, want)
	}
	data, owner, lamports := chain.AccountData(t, addr)
	if owner != solgridmarket.ProgramID || !bytes.Equal(data[:8], solgridmarket.Account_Market[:]) {
		t.Errorf("owner %s, discriminator %x", owner, data[:8])
	}
	rent, _ := chain.Client.RPC.GetMinimumBalanceForRentExemption(ctx, uint64(len(data)), "confirmed")
	if lamports < rent {
		t.Errorf("market holds %d lamports, rent-exempt minimum is %d", lamports, rent)
	}
	// Both vaults: empty, initialized SPL token accounts of their mint whose
	// token owner is the Market PDA, so only the program can move their funds.
	for _, v := range []struct{ addr, mint solana.PublicKey }{{stableVault, stable}, {tokenVault, token}} {
		acct, err := chain.Client.FetchTokenAccount(ctx, v.addr)
		if err != nil {
			t.Fatal(err)
		}
		want := client.TokenAccount{Mint: v.mint, Owner: addr, Amount: 0, State: client.TokenAccountInitialized}
		if *acct != want {
			t.Errorf("vault %s = %+v, want %+v", v.addr, *acct, want)
		}
	}
}

func TestSecondInitializeMarketFailsAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	chain := clienttest.Start(t)
	authority := chain.Wallet(t, 10*solana.LAMPORTS_PER_SOL)
	stable, token := chain.Mint(t, authority, 6), chain.Mint(t, authority, 6)
	b := client.InitializeMarket{MarketID: 1, StableMint: stable, TokenMint: token, Params: marketParams(authority.PublicKey(), authority.PublicKey())}
	addr, _, err := chain.Client.InitializeMarket(ctx, authority, b, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dataBefore, _, lamportsBefore := chain.AccountData(t, addr)

	again := b
	again.Params.FeeBpsStable, again.Params.FeeBpsToken = 500, 400
	_, _, err = chain.Client.InitializeMarket(ctx, authority, again, client.SendOptions{})
	var pe *client.ProgramError
	if !errors.As(err, &pe) || !errors.Is(err, client.ProgramErrorNamed("MarketAlreadyInitialized")) {
		t.Fatalf("second initialize: got %v, want MarketAlreadyInitialized", err)
	}
	// Also when sent past simulation, so the chain itself (not our preflight) refuses it.
	_, _, err = chain.Client.InitializeMarket(ctx, authority, again, client.SendOptions{ComputeUnits: 200_000, SkipPreflight: true})
	if !errors.Is(err, client.ProgramErrorNamed("MarketAlreadyInitialized")) {
		t.Fatalf("second initialize on chain: got %v, want MarketAlreadyInitialized", err)
	}
	dataAfter, _, lamportsAfter := chain.AccountData(t, addr)
	if !bytes.Equal(dataBefore, dataAfter) || lamportsBefore != lamportsAfter {
		t.Error("the market account changed after a failed initialize_market")
	}
}
