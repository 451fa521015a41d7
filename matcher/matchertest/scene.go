// Package matchertest gives matcher tests a real market: a localnet with the program,
// a market whose matcher key the test holds, funded renters, providers, and the book
// on a private redis-server with AOF; plus the end-state check every fault test ends
// with (each fill on chain exactly once, book quantities equal to on-chain fills).
package matchertest

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/clienttest"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/localnet"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/redisserver"
)

// Funds each renter deposits: $10,000.
const Funds = 10_000_000_000

// FeeBps is the market's stablecoin fee, and the fee cap of the scene's bids.
const FeeBps = 250

// Scene is a market ready for matching and committing.
type Scene struct {
	Chain     *clienttest.Chain
	Redis     *redisserver.Server
	RDB       *redis.Client
	Book      *book.Book
	Market    solana.PublicKey
	Stable    solana.PublicKey
	Matcher   solana.PrivateKey
	Authority solana.PrivateKey // the market's authority (update_market)
	Renters   []solana.PrivateKey
	Providers []solana.PrivateKey
	nextID    atomic.Uint64
}

// Options shape a scene.
type Options struct {
	Renters, Providers int
	LedgerDir          string // keep the chain's state across localnet restarts
	RenterFunds        uint64 // default Funds
}

// New starts everything for the test's lifetime.
func New(t testing.TB, o Options) *Scene {
	t.Helper()
	ctx := context.Background()
	chain := clienttest.Start(t, func(c *localnet.Config) { c.LedgerDir = o.LedgerDir })
	s := &Scene{Chain: chain, Matcher: chain.Wallet(t, 100*solana.LAMPORTS_PER_SOL)}
	authority := chain.Wallet(t, 10*solana.LAMPORTS_PER_SOL)
	s.Stable = chain.Mint(t, authority, 6)
	token := chain.Mint(t, authority, 6)
	market, _, err := chain.Client.InitializeMarket(ctx, authority, client.InitializeMarket{
		MarketID: 1, StableMint: s.Stable, TokenMint: token,
		Params: solgridmarket.MarketParams{
			Treasury: authority.PublicKey(), OracleAuthority: authority.PublicKey(), Matcher: s.Matcher.PublicKey(),
			MaxPriceStalenessSecs: 300, MinerMaxSupply: 10, MinerPriceMicroUsd: 1, CheckerMinReportIntervalSecs: 60,
			FeeBpsStable: FeeBps, FeeBpsToken: 100, MinerFeeShareBps: 2_000,
		},
	}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Market, s.Authority = market, authority
	funds := o.RenterFunds
	if funds == 0 {
		funds = Funds
	}
	for i := 0; i < o.Renters; i++ {
		r := chain.Wallet(t, solana.LAMPORTS_PER_SOL)
		if _, _, err := chain.Client.MintToOwner(ctx, authority, s.Stable, r.PublicKey(), funds); err != nil {
			t.Fatal(err)
		}
		if _, err := chain.Client.Deposit(ctx, r, client.Deposit{Owner: r.PublicKey(), Market: market, Mint: s.Stable, Amount: funds}, client.SendOptions{}); err != nil {
			t.Fatal(err)
		}
		s.Renters = append(s.Renters, r)
	}
	for i := 0; i < o.Providers; i++ {
		s.Providers = append(s.Providers, chain.Wallet(t, solana.LAMPORTS_PER_SOL)) // lamports to cancel on chain
	}
	s.Redis, err = redisserver.Start(ctx, redisserver.Config{Dir: t.TempDir(), Logger: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Redis.Stop)
	s.RDB = redis.NewClient(&redis.Options{Addr: s.Redis.Addr()})
	t.Cleanup(func() { s.RDB.Close() })
	s.Book = book.New(s.RDB, market, book.Options{})
	if err := s.Book.Load(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// Bid signs a bid of renter for gpus H100 SXM at price for 1..hours.
func (s *Scene) Bid(t testing.TB, renter solana.PrivateKey, gpus uint32, price uint64, hours uint32) solgridmarket.SignedOrder {
	return s.sign(t, renter, solgridmarket.Order{
		Side: solgridmarket.Side_Bid, GpuCount: gpus, LimitPrice: price, MinHours: 1, MaxHours: hours,
		SkuMask: client.SKUMask(solgridmarket.GpuSku_H100Sxm, solgridmarket.GpuSku_H200), PaymentMint: s.Stable,
		MaxFeeBps: FeeBps,
	})
}

// Ask signs an ask of provider for gpus H100 SXM at price for 1..48 h.
func (s *Scene) Ask(t testing.TB, provider solana.PrivateKey, gpus uint32, price uint64) solgridmarket.SignedOrder {
	return s.sign(t, provider, solgridmarket.Order{
		Side: solgridmarket.Side_Ask, GpuCount: gpus, LimitPrice: price, MinHours: 1, MaxHours: 48,
		SkuMask: client.SKUMask(solgridmarket.GpuSku_H100Sxm), Node: provider.PublicKey(), Region: 1,
	})
}

func (s *Scene) sign(t testing.TB, key solana.PrivateKey, o solgridmarket.Order) solgridmarket.SignedOrder {
	t.Helper()
	o.Market, o.Owner, o.OrderId, o.Version = s.Market, key.PublicKey(), s.nextID.Add(1), client.OrderVersion
	o.ExpiresAt = time.Now().Add(2 * time.Hour).Unix()
	so, err := client.SignOrder(o, key)
	if err != nil {
		t.Fatal(err)
	}
	return so
}

// Submit puts an order into the book.
func (s *Scene) Submit(t testing.TB, so solgridmarket.SignedOrder) *book.SubmitResult {
	t.Helper()
	res, err := s.Book.Submit(context.Background(), &so, 10_000)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Fills lists every fill the book ever made.
func (s *Scene) Fills(t testing.TB) []book.Fill {
	t.Helper()
	ctx := context.Background()
	n, err := s.RDB.Get(ctx, s.Book.Keys().Prefix+"fseq").Int()
	if err != nil && !errors.Is(err, redis.Nil) {
		t.Fatal(err)
	}
	var out []book.Fill
	for i := 1; i <= n; i++ {
		f, err := s.Book.Fill(ctx, fmt.Sprintf("%012x", i))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, *f)
	}
	return out
}

// WaitDrained waits until no fill is pending and the outbox is empty.
func (s *Scene) WaitDrained(t testing.TB, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		pending := 0
		for _, f := range s.Fills(t) {
			if f.Status == book.FillPending {
				pending++
			}
		}
		n, _ := s.RDB.XLen(context.Background(), s.Book.Keys().Outbox()).Result()
		if pending == 0 && n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %d fills pending, %d outbox entries", timeout, pending, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
