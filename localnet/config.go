// Package localnet starts the Solgrid local validator: a Solana JSON-RPC and WebSocket server
// on LiteSVM (localnet/validator, Node), the way tests and the demo run a chain of their own.
package localnet

import (
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/rs/zerolog"
)

// Program is an SBF program loaded at start, like solana-test-validator --bpf-program ID PATH.
type Program struct {
	ID   solana.PublicKey
	Path string
}

// Config configures a validator process.
type Config struct {
	Programs []Program
	// LedgerDir keeps accounts and transaction history across restarts; empty means in-memory only.
	LedgerDir string
	// Reset wipes the ledger before starting.
	Reset bool
	// Features is "all" (FeatureSet.allEnabled(), SIMD-0500 active; the default) or "default" (LiteSVM defaults).
	Features string
	// SlotDuration is the wall time per slot; zero means 400ms like a real cluster.
	// Tests shorten it to see blockhashes expire (150 slots) quickly.
	SlotDuration time.Duration
	// RPCPort is the HTTP+WebSocket port; 0 picks a free one.
	RPCPort int
	Logger  zerolog.Logger
	// NodePath is the node binary; empty means "node" from PATH.
	NodePath string
	// ReadyTimeout bounds the wait for the ready line; zero means 60s.
	ReadyTimeout time.Duration
	// StopTimeout is how long Stop waits after SIGTERM before SIGKILL; zero means 10s.
	StopTimeout time.Duration
	// MaxTransactionSize raises the 1232-byte packet limit, for tests of a
	// program's own checks with more data than one packet holds; zero keeps 1232.
	MaxTransactionSize int
}

func (c Config) readyTimeout() time.Duration {
	if c.ReadyTimeout > 0 {
		return c.ReadyTimeout
	}
	return 60 * time.Second
}

func (c Config) stopTimeout() time.Duration {
	if c.StopTimeout > 0 {
		return c.StopTimeout
	}
	return 10 * time.Second
}
