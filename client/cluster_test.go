package client

import "testing"

func TestResolveClusterFollowsSolanaCLI(t *testing.T) {
	cases := []struct{ in, rpc, ws string }{
		{"localhost", "http://127.0.0.1:8899", "ws://127.0.0.1:8900"},
		{"l", "http://127.0.0.1:8899", "ws://127.0.0.1:8900"},
		{"devnet", "https://api.devnet.solana.com", "wss://api.devnet.solana.com"},
		{"m", "https://api.mainnet-beta.solana.com", "wss://api.mainnet-beta.solana.com"},
		{"http://127.0.0.1:9000", "http://127.0.0.1:9000", "ws://127.0.0.1:9001"},
		{"https://rpc.example.com/key", "https://rpc.example.com/key", "wss://rpc.example.com/key"},
	}
	for _, c := range cases {
		got, err := ResolveCluster(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if got.RPC != c.rpc || got.WS != c.ws {
			t.Errorf("%s: got %s %s, want %s %s", c.in, got.RPC, got.WS, c.rpc, c.ws)
		}
	}
	for _, bad := range []string{"", "mainnet", "ftp://x", "http://"} {
		if _, err := ResolveCluster(bad); err == nil {
			t.Errorf("%q: accepted", bad)
		}
	}
}

func TestExplorerURLNamesTheCluster(t *testing.T) {
	dev, _ := ResolveCluster("devnet")
	if got := dev.ExplorerURL("abc"); got != "https://explorer.solana.com/tx/abc?cluster=devnet" {
		t.Errorf("devnet: %s", got)
	}
	local, _ := ResolveCluster("http://127.0.0.1:8899")
	if got := local.ExplorerURL("abc"); got != "https://explorer.solana.com/tx/abc?cluster=custom&customUrl=http%3A%2F%2F127.0.0.1%3A8899" {
		t.Errorf("local: %s", got)
	}
}

func TestNewConnectsByMonikerOrURL(t *testing.T) {
	c, err := New("devnet")
	if err != nil || c.Cluster.RPC != "https://api.devnet.solana.com" || c.ProgramID.IsZero() {
		t.Fatalf("New(devnet) = %+v, %v", c, err)
	}
	if _, err := New("not a cluster"); err == nil {
		t.Error("New accepted a bad cluster")
	}
}
