package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/redisserver"
)

// BenchmarkAPISubmit (c): signed orders/s through POST /v1/orders (JSON decode, Ed25519
// verification, checks, match script) from 32 concurrent HTTP clients, 60% resting and
// 40% crossing over four SKUs. Orders are signed before the clock starts.
func BenchmarkAPISubmit(b *testing.B) {
	ctx := context.Background()
	srv, err := redisserver.Start(ctx, redisserver.Config{Dir: b.TempDir(), Ephemeral: true, Logger: zerolog.Nop()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Stop)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr(), PoolSize: 64})
	b.Cleanup(func() { rdb.Close() })
	market, mint := solana.NewWallet().PublicKey(), solana.NewWallet().PublicKey()
	bk := book.New(rdb, market, book.Options{MaxOpenPerOwner: 1 << 30})
	if err := bk.Load(ctx); err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(New(Config{Book: bk, Log: zerolog.Nop()}))
	b.Cleanup(ts.Close)
	keys := make([]solana.PrivateKey, 100)
	for i := range keys {
		keys[i] = solana.NewWallet().PrivateKey
	}
	skus := []solgridmarket.GpuSku{solgridmarket.GpuSku_H100Sxm, solgridmarket.GpuSku_H200, solgridmarket.GpuSku_L4, solgridmarket.GpuSku_Rtx4090}
	rng := rand.New(rand.NewPCG(9, 9))
	var id uint64
	body := func() []byte {
		id++
		r := rng.IntN(10)
		o := solgridmarket.Order{
			Market: market, Owner: keys[rng.IntN(len(keys))].PublicKey(), OrderId: id,
			ExpiresAt: time.Now().Add(time.Hour).Unix(), SkuMask: client.SKUMask(skus[rng.IntN(4)]),
			GpuCount: uint32(1 + rng.IntN(8)), MinHours: 1, MaxHours: 24, Version: client.OrderVersion,
		}
		ask := r < 3 || (r >= 6 && r < 8)
		if ask {
			o.Side, o.Node, o.LimitPrice = solgridmarket.Side_Ask, market, 2_000_001+uint64(rng.IntN(100_000))
			if r >= 6 {
				o.LimitPrice = 1_900_000
			}
		} else {
			o.Side, o.PaymentMint, o.LimitPrice, o.MaxFeeBps = solgridmarket.Side_Bid, mint, 1_999_999-uint64(rng.IntN(100_000)), 250
			if r >= 6 {
				o.LimitPrice = 2_100_000
			}
		}
		var key solana.PrivateKey
		for _, k := range keys {
			if k.PublicKey() == o.Owner {
				key = k
			}
		}
		so, err := client.SignOrder(o, key)
		if err != nil {
			b.Fatal(err)
		}
		raw, _ := json.Marshal(NewSubmitRequest(&so))
		return raw
	}
	const batch, clients = 2_000, 32
	httpc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var elapsed time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		bodies := make(chan []byte, batch)
		for j := 0; j < batch; j++ {
			bodies <- body()
		}
		close(bodies)
		b.StartTimer()
		start := time.Now()
		var wg sync.WaitGroup
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for raw := range bodies {
					resp, err := httpc.Post(ts.URL+"/v1/orders", "application/json", bytes.NewReader(raw))
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusCreated {
						b.Errorf("HTTP %d", resp.StatusCode)
						return
					}
				}
			}()
		}
		wg.Wait()
		elapsed += time.Since(start)
	}
	b.ReportMetric(float64(batch*b.N)/elapsed.Seconds(), "orders/s")
}
