package client

import (
	"context"
	"fmt"
	"sync"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/gagliardetto/solana-go/rpc/ws"
	"github.com/rs/zerolog"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Client talks to one cluster on behalf of the market program.
type Client struct {
	Cluster   Cluster
	RPC       *rpc.Client
	ProgramID solana.PublicKey
	Log       zerolog.Logger

	wsMu sync.Mutex
	ws   *ws.Client
}

// Option adjusts a Client.
type Option func(*Client)

// WithProgramID points the client at another deployment of the market program.
func WithProgramID(id solana.PublicKey) Option { return func(c *Client) { c.ProgramID = id } }

// WithLogger sets the structured logger.
func WithLogger(l zerolog.Logger) Option { return func(c *Client) { c.Log = l } }

// New connects (lazily) to a cluster given by moniker or URL.
func New(urlOrMoniker string, opts ...Option) (*Client, error) {
	cluster, err := ResolveCluster(urlOrMoniker)
	if err != nil {
		return nil, err
	}
	return NewForCluster(cluster, opts...), nil
}

// NewForCluster is New with an already resolved cluster.
func NewForCluster(cluster Cluster, opts ...Option) *Client {
	c := &Client{Cluster: cluster, RPC: rpc.New(cluster.RPC), ProgramID: solgridmarket.ProgramID, Log: zerolog.Nop()}
	for _, opt := range opts {
		opt(c)
	}
	return c
}

// websocket returns the shared subscription connection, dialling it on first use.
func (c *Client) websocket(ctx context.Context) (*ws.Client, error) {
	c.wsMu.Lock()
	defer c.wsMu.Unlock()
	if c.ws != nil {
		return c.ws, nil
	}
	conn, err := ws.Connect(ctx, c.Cluster.WS)
	if err != nil {
		return nil, fmt.Errorf("websocket %s: %w", c.Cluster.WS, err)
	}
	c.ws = conn
	return conn, nil
}

// dropWebsocket forgets a broken subscription connection so the next use redials.
func (c *Client) dropWebsocket(broken *ws.Client) {
	c.wsMu.Lock()
	defer c.wsMu.Unlock()
	if c.ws == broken {
		c.ws.Close()
		c.ws = nil
	}
}

// Close releases the WebSocket connection, if any.
func (c *Client) Close() {
	c.wsMu.Lock()
	defer c.wsMu.Unlock()
	if c.ws != nil {
		c.ws.Close()
		c.ws = nil
	}
}
