package localnet_test

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go/rpc"
	"github.com/gagliardetto/solana-go/rpc/ws"
	"github.com/solgrid/solgrid/localnet"
)

// freePortPair finds P with P and P+1 both free.
func freePortPair(t *testing.T) int {
	t.Helper()
	for i := 0; i < 50; i++ {
		a, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		p := a.Addr().(*net.TCPAddr).Port
		b, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", itoa(p+1)))
		a.Close()
		if err == nil {
			b.Close()
			return p
		}
	}
	t.Fatal("no free port pair")
	return 0
}

func itoa(v int) string { return (&net.TCPAddr{Port: v}).String()[1:] }

// Like solana-test-validator, a validator on a fixed port also serves subscriptions
// on port + 1, where Solana tools derive the WebSocket of `--url http://host:P`.
func TestSubscriptionsAlsoOnRPCPortPlusOne(t *testing.T) {
	port := freePortPair(t)
	v := startValidator(t, localnet.Config{RPCPort: port})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var conn *ws.Client
	var err error
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if conn, err = ws.Connect(ctx, "ws://127.0.0.1:"+itoa(port+1)); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("ws on port %d: %v", port+1, err)
	}
	defer conn.Close()
	payer := fundedWallet(t, rpc.New(v.RPCURL()), sol)
	sub, err := conn.AccountSubscribe(payer.PublicKey(), rpc.CommitmentConfirmed)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	if _, err := rpc.New(v.RPCURL()).RequestAirdrop(ctx, payer.PublicKey(), sol/2, rpc.CommitmentConfirmed); err != nil {
		t.Fatal(err)
	}
	got, err := sub.Recv(ctx)
	if err != nil || got.Value.Lamports != sol+sol/2 {
		t.Fatalf("account notification on port+1: %+v %v", got, err)
	}
}
