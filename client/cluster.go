package client

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Cluster is a JSON-RPC endpoint and the WebSocket endpoint that goes with it.
type Cluster struct {
	Name string // moniker, or "custom"
	RPC  string
	WS   string
}

var monikers = map[string]Cluster{
	"localhost":    {Name: "localhost", RPC: "http://127.0.0.1:8899", WS: "ws://127.0.0.1:8900"},
	"devnet":       {Name: "devnet", RPC: "https://api.devnet.solana.com", WS: "wss://api.devnet.solana.com"},
	"testnet":      {Name: "testnet", RPC: "https://api.testnet.solana.com", WS: "wss://api.testnet.solana.com"},
	"mainnet-beta": {Name: "mainnet-beta", RPC: "https://api.mainnet-beta.solana.com", WS: "wss://api.mainnet-beta.solana.com"},
}

// Solana CLI's one-letter forms of the monikers.
var shortMonikers = map[string]string{"l": "localhost", "d": "devnet", "t": "testnet", "m": "mainnet-beta"}

// ResolveCluster accepts what `solana --url` accepts: a moniker (localhost, devnet,
// testnet, mainnet-beta, or their first letter) or an http(s) URL. Like the Solana
// CLI, the WebSocket URL of an explicit port is that port + 1.
func ResolveCluster(urlOrMoniker string) (Cluster, error) {
	if full, ok := shortMonikers[urlOrMoniker]; ok {
		urlOrMoniker = full
	}
	if c, ok := monikers[urlOrMoniker]; ok {
		return c, nil
	}
	u, err := url.Parse(urlOrMoniker)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Cluster{}, fmt.Errorf("cluster %q: want localhost, devnet, testnet, mainnet-beta or an http(s) URL", urlOrMoniker)
	}
	return Cluster{Name: "custom", RPC: urlOrMoniker, WS: websocketURL(u)}, nil
}

func websocketURL(u *url.URL) string {
	ws := *u
	ws.Scheme = strings.Replace(u.Scheme, "http", "ws", 1)
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err == nil {
			ws.Host = u.Hostname() + ":" + strconv.Itoa(n+1)
		}
	}
	return ws.String()
}

// ExplorerURL links a transaction signature on the Solana explorer for this cluster.
func (c Cluster) ExplorerURL(signature string) string {
	base := "https://explorer.solana.com/tx/" + signature
	switch c.Name {
	case "mainnet-beta":
		return base
	case "devnet", "testnet":
		return base + "?cluster=" + c.Name
	default:
		return base + "?cluster=custom&customUrl=" + url.QueryEscape(c.RPC)
	}
}
