package matcher_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/api"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/matchertest"
)

// child is `solgrid matcher run` as a separate process, so it can die by SIGKILL.
type child struct {
	cmd  *exec.Cmd
	log  string
	addr string // the API's http://host:port
}

func buildSolgrid(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "solgrid")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/solgrid/solgrid/cli").CombinedOutput()
	if err != nil {
		t.Fatalf("build solgrid: %v\n%s", err, out)
	}
	return bin
}

// matcherArgs writes the matcher's keypair and a Solana CLI config pointing at the
// localnet (whose WebSocket shares the RPC port), and returns the command line.
func matcherArgs(t *testing.T, s *matchertest.Scene) []string {
	t.Helper()
	dir := t.TempDir()
	key := filepath.Join(dir, "matcher.json")
	if err := client.SaveKeypair(key, s.Matcher); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.yml")
	yml := fmt.Sprintf("json_rpc_url: %s\nwebsocket_url: %s\nkeypair_path: %s\ncommitment: confirmed\n",
		s.Chain.Validator.RPCURL(), s.Chain.Validator.WSURL(), key)
	if err := os.WriteFile(cfg, []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{"--config", cfg, "--log-level", "info", "matcher", "run", "--market", s.Market.String(),
		"--redis", s.Redis.Addr(), "--listen", "127.0.0.1:0", "--balance-ttl", "0s"}
}

func startChild(t *testing.T, bin string, args []string, round int) *child {
	t.Helper()
	log := filepath.Join(t.TempDir(), fmt.Sprintf("matcher-%02d.log", round))
	f, err := os.Create(log)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stderr = f
	stdout, _ := cmd.StdoutPipe()
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if addr, ok := strings.CutPrefix(sc.Text(), "matcher listening on "); ok {
				ready <- addr
			}
		}
	}()
	var addr string
	select {
	case addr = <-ready:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		raw, _ := os.ReadFile(log)
		t.Fatalf("round %d: matcher did not start:\n%s", round, raw)
	}
	return &child{cmd: cmd, log: log, addr: addr}
}

func (c *child) kill() {
	_ = c.cmd.Process.Kill()
	_ = c.cmd.Wait()
}

func (c *child) stop(t *testing.T) {
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			raw, _ := os.ReadFile(c.log)
			t.Errorf("matcher exited with %v:\n%s", err, raw)
		}
	case <-time.After(20 * time.Second):
		c.kill()
		t.Error("matcher ignored SIGTERM")
	}
}

func pendingFills(t *testing.T, s *matchertest.Scene) (pending, committed int) {
	for _, f := range s.Fills(t) {
		switch f.Status {
		case book.FillPending:
			pending++
		case book.FillCommitted:
			committed++
		}
	}
	return pending, committed
}

// The matcher process is killed with SIGKILL at random moments while it commits, over
// 24 rounds of new orders; Redis is killed and restarted from its AOF twice (once
// under the running matcher); the RPC endpoint goes down for a while under the running
// matcher; one order is cancelled on chain behind the matcher's back. After a last
// clean run every fill is on chain exactly once or compensated, every order's matched
// GPUs equal its on-chain fills, and no accepted order is missing.
func TestMatcherSurvivesKillsRedisCrashesAndRPCOutage(t *testing.T) {
	ledger := t.TempDir()
	s := matchertest.New(t, matchertest.Options{Renters: 4, Providers: 4, LedgerDir: ledger})
	bin := buildSolgrid(t)
	args := matcherArgs(t, s)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var seqs []string
	submit := func(so solgridFn) {
		res := s.Submit(t, so())
		seqs = append(seqs, res.Seq)
	}
	const rounds = 24
	killedMidCommit := 0
	var cancelledAsk uint64 // the order id of the ask cancelled on chain in round 10
	for round := 1; round <= rounds; round++ {
		for i := 0; i < 6; i++ {
			p := s.Providers[rng.IntN(len(s.Providers))]
			submit(func() signed { return s.Ask(t, p, uint32(1+rng.IntN(8)), uint64(2_000_000+rng.IntN(100_000))) })
		}
		for i := 0; i < 8; i++ {
			r := s.Renters[rng.IntN(len(s.Renters))]
			submit(func() signed { return s.Bid(t, r, uint32(1+rng.IntN(6)), 2_500_000, uint32(1+rng.IntN(4))) })
		}
		switch round {
		case 6: // Redis crashes while the matcher is down; the AOF brings everything back
			if err := s.Redis.Restart(context.Background(), true); err != nil {
				t.Fatal(err)
			}
		case 10: // a provider cancels on chain an ask the book has just matched
			ask := s.Ask(t, s.Providers[0], 2, 1_000_000)
			cancelledAsk = ask.Order.OrderId
			submit(func() signed { return ask })
			submit(func() signed { return s.Bid(t, s.Renters[0], 2, 3_000_000, 1) })
			if _, err := s.Chain.Client.CancelOrder(context.Background(), s.Providers[0], s.Market, ask.Order.OrderId, client.SendOptions{}); err != nil {
				t.Fatal(err)
			}
		}
		pendingBefore, _ := pendingFills(t, s)
		c := startChild(t, bin, args, round)
		switch round {
		case 12: // Redis crashes under the running matcher
			time.Sleep(200 * time.Millisecond)
			if err := s.Redis.Restart(context.Background(), true); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Second)
		case 16: // the RPC endpoint goes away for 3 s under the running matcher
			time.Sleep(100 * time.Millisecond)
			if err := s.Chain.Validator.Stop(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(3 * time.Second)
			if err := s.Chain.Validator.Restart(context.Background()); err != nil {
				t.Fatal(err)
			}
			time.Sleep(500 * time.Millisecond)
		default:
			if round%2 == 0 {
				// right after the first lease of this run is recorded, with others in flight
				waitForProgress(t, s, pendingBefore, 10*time.Second)
			} else {
				time.Sleep(time.Duration(rng.IntN(300)) * time.Millisecond)
			}
		}
		c.kill()
		pendingAfter, committed := pendingFills(t, s)
		if pendingAfter > 0 && pendingAfter < pendingBefore {
			killedMidCommit++
		}
		t.Logf("round %2d: %d fills pending before, %d after SIGKILL (%d committed in all)", round, pendingBefore, pendingAfter, committed)
	}
	c := startChild(t, bin, args, rounds+1)
	s.WaitDrained(t, 3*time.Minute)
	for _, seq := range seqs {
		if o, err := s.Book.OrderBySeq(context.Background(), seq); err == nil && o.Matched() > 0 {
			checkStatusShowsChain(t, c.addr, s, seq)
			break
		}
	}
	c.stop(t)
	leases := s.Verify(t)
	fills := s.Fills(t)
	for _, seq := range seqs {
		if _, err := s.Book.OrderBySeq(context.Background(), seq); err != nil {
			t.Errorf("order %s lost: %v", seq, err)
		}
	}
	// The cheap ask cancelled on chain may have crossed one resting bid or several
	// before the cancel: every fill of it, and only those, must be refused.
	cancelled, err := s.Book.Order(context.Background(), s.Providers[0].PublicKey(), cancelledAsk)
	if err != nil {
		t.Fatalf("the ask cancelled on chain: %v", err)
	}
	failed := 0
	for _, f := range fills {
		if f.Status == book.FillFailed {
			failed++
			t.Logf("fill %s refused on chain: %s", f.Seq, f.Reason)
			if f.AskSeq != cancelled.Seq || f.Reason != "OrderCancelled" {
				t.Errorf("fill %s (ask %s) refused with %s; only fills of the cancelled ask %s should be", f.Seq, f.AskSeq, f.Reason, cancelled.Seq)
			}
		} else if f.AskSeq == cancelled.Seq {
			t.Errorf("fill %s of the ask cancelled on chain is %s", f.Seq, f.Status)
		}
	}
	if failed == 0 {
		t.Error("no fill was refused, but an ask was cancelled on chain behind the matcher")
	}
	t.Logf("%d orders, %d fills: %d leases on chain, %d compensated; %d of %d kills landed with commits half done",
		len(seqs), len(fills), leases, failed, killedMidCommit, rounds)
	if killedMidCommit == 0 {
		t.Error("no SIGKILL landed while fills were being committed; the test proved nothing about crashes mid-commit")
	}
}

// checkStatusShowsChain reads an order's status from the running matcher's API and
// compares its on-chain part with the chain.
func checkStatusShowsChain(t *testing.T, addr string, s *matchertest.Scene, seq string) {
	t.Helper()
	o, err := s.Book.OrderBySeq(context.Background(), seq)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(fmt.Sprintf("%s/v1/orders/%s/%d", addr, o.Owner, o.OrderID))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st api.OrderStatusJSON
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil || st.OnChain == nil {
		t.Fatalf("status of order %d: %+v, %v", o.OrderID, st, err)
	}
	if st.OnChain.FilledGPUs != o.Matched() || st.Committed != o.Matched() {
		t.Errorf("status of order %d: on chain %d, committed %d, matched %d", o.OrderID, st.OnChain.FilledGPUs, st.Committed, o.Matched())
	}
}

// waitForProgress returns once fewer than before fills are pending (or at timeout).
func waitForProgress(t *testing.T, s *matchertest.Scene, before int, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if p, _ := pendingFills(t, s); p < before {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

type signed = solgridmarket.SignedOrder
type solgridFn = func() signed
