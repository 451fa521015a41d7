package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

func TestUpdateMarketReplacesConfigAndHandsOverAuthority(t *testing.T) {
	ctx := context.Background()
	m := newTestMarket(t)
	before, err := m.chain.Client.FetchMarket(ctx, m.market)
	if err != nil {
		t.Fatal(err)
	}
	newAuthority := m.chain.Wallet(t, solana.LAMPORTS_PER_SOL)
	params := solgridmarket.MarketParams{
		Treasury: solana.NewWallet().PublicKey(), OracleAuthority: solana.NewWallet().PublicKey(), Matcher: solana.NewWallet().PublicKey(),
		SubsidyPerGpuHour: 1, CheckerRewardPerReport: 2, MinerPriceMicroUsd: 3, MaxPriceStalenessSecs: 4,
		CheckerMinReportIntervalSecs: 5, MinerMaxSupply: 6, FeeBpsStable: 400, FeeBpsToken: 150, MinerFeeShareBps: 7,
	}
	res, err := m.chain.Client.UpdateMarket(ctx, m.authority, client.UpdateMarket{Market: m.market, Params: params, NewAuthority: newAuthority.PublicKey()}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("update_market: %d CU", res.ComputeUnits)
	got, err := m.chain.Client.FetchMarket(ctx, m.market)
	if err != nil {
		t.Fatal(err)
	}
	want := *before
	want.Authority = newAuthority.PublicKey()
	want.Treasury, want.OracleAuthority, want.Matcher = params.Treasury, params.OracleAuthority, params.Matcher
	want.SubsidyPerGpuHour, want.CheckerRewardPerReport, want.MinerPriceMicroUsd = 1, 2, 3
	want.MaxPriceStalenessSecs, want.CheckerMinReportIntervalSecs, want.MinerMaxSupply = 4, 5, 6
	want.FeeBpsStable, want.FeeBpsToken, want.MinerFeeShareBps = 400, 150, 7
	if !marketsEqual(t, got, &want) {
		t.Errorf("market after update\n got %+v\nwant %+v", *got, want)
	}
	// The new authority can update; the old one no longer can.
	params.FeeBpsStable = 500
	if _, err := m.chain.Client.UpdateMarket(ctx, newAuthority, client.UpdateMarket{Market: m.market, Params: params, NewAuthority: newAuthority.PublicKey()}, client.SendOptions{}); err != nil {
		t.Fatalf("update by the new authority: %v", err)
	}
	_, err = m.chain.Client.UpdateMarket(ctx, m.authority, client.UpdateMarket{Market: m.market, Params: params, NewAuthority: m.authority.PublicKey()}, landed)
	requireProgramError(t, err, "Unauthorized")
}

func TestUpdateMarketByNonAuthorityFailsAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	m := newTestMarket(t)
	stranger := m.chain.Wallet(t, solana.LAMPORTS_PER_SOL)
	before := m.snapshot(t, m.market)
	params := marketParams(stranger.PublicKey(), stranger.PublicKey())
	_, err := m.chain.Client.UpdateMarket(ctx, stranger, client.UpdateMarket{Market: m.market, Params: params, NewAuthority: stranger.PublicKey()}, landed)
	requireProgramError(t, err, "Unauthorized")
	m.requireUnchanged(t, before, m.market)
}

func TestSetTokenPriceStoresPriceAndClusterTime(t *testing.T) {
	ctx := context.Background()
	m := newTestMarket(t)
	start := time.Now().Unix()
	res, err := m.chain.Client.SetTokenPrice(ctx, m.oracle, client.SetTokenPrice{Market: m.market, PriceMicroUsd: 2_500_000}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("set_token_price: %d CU", res.ComputeUnits)
	got, err := m.chain.Client.FetchMarket(ctx, m.market)
	if err != nil {
		t.Fatal(err)
	}
	if got.TokenPriceMicroUsd != 2_500_000 {
		t.Errorf("token price %d, want 2500000", got.TokenPriceMicroUsd)
	}
	if got.TokenPriceUpdatedAt < start-5 || got.TokenPriceUpdatedAt > time.Now().Unix()+5 {
		t.Errorf("token_price_updated_at %d is not the cluster's current time (~%d)", got.TokenPriceUpdatedAt, start)
	}
}

func TestSetTokenPriceByNonOracleFailsAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	m := newTestMarket(t)
	before := m.snapshot(t, m.market)
	// The market authority is not the oracle either.
	_, err := m.chain.Client.SetTokenPrice(ctx, m.authority, client.SetTokenPrice{Market: m.market, PriceMicroUsd: 1}, landed)
	requireProgramError(t, err, "Unauthorized")
	m.requireUnchanged(t, before, m.market)
}

func marketsEqual(t *testing.T, a, b *solgridmarket.Market) bool {
	t.Helper()
	x, err1 := a.Marshal()
	y, err2 := b.Marshal()
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return string(x) == string(y)
}
