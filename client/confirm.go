package client

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
)

// pollInterval is how often Confirm asks for a status besides listening for it.
const pollInterval = 200 * time.Millisecond

// ErrBlockhashExpired means the transaction did not land before its blockhash's
// last valid block height passed; it never will, so it may be signed again.
var ErrBlockhashExpired = errors.New("blockhash expired before the transaction was confirmed")

// Confirm waits until the transaction is confirmed and returns its slot, or its
// decoded error if it failed on chain. It listens with signatureSubscribe and
// falls back to polling getSignatureStatuses when the WebSocket is unavailable;
// either way it checks the block height so an expired transaction is reported as
// ErrBlockhashExpired instead of waiting forever.
func (c *Client) Confirm(ctx context.Context, sig solana.Signature, lastValidBlockHeight uint64) (uint64, error) {
	notified := c.subscribeSignature(ctx, sig)
	ticker := time.NewTicker(pollInterval)
	defer ticker.Stop()
	for {
		slot, done, err := c.signatureStatus(ctx, sig)
		if done {
			return slot, err
		}
		if err != nil {
			c.Log.Debug().Err(err).Stringer("signature", sig).Msg("status poll failed; retrying")
		}
		if height, herr := c.RPC.GetBlockHeight(ctx, rpc.CommitmentConfirmed); herr == nil && height > lastValidBlockHeight {
			// One last look: it may have landed in the final valid block.
			if slot, done, err := c.signatureStatus(ctx, sig); done {
				return slot, err
			}
			return 0, ErrBlockhashExpired
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-notified:
			notified = nil // the status call above will now see it
			continue
		case <-ticker.C:
		}
	}
}

// subscribeSignature returns a channel closed when the node notifies the signature,
// or nil (a channel that never fires) if subscribing failed.
func (c *Client) subscribeSignature(ctx context.Context, sig solana.Signature) <-chan struct{} {
	conn, err := c.websocket(ctx)
	if err != nil {
		c.Log.Debug().Err(err).Msg("websocket unavailable; confirming by polling")
		return nil
	}
	sub, err := conn.SignatureSubscribe(sig, rpc.CommitmentConfirmed)
	if err != nil {
		c.dropWebsocket(conn)
		return nil
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer sub.Unsubscribe()
		if _, err := sub.Recv(ctx); err != nil && ctx.Err() == nil {
			c.Log.Debug().Err(err).Msg("signature subscription ended")
		}
	}()
	return done
}

// signatureStatus reports done=true once the signature reached "confirmed", with
// the transaction's decoded error if it failed.
func (c *Client) signatureStatus(ctx context.Context, sig solana.Signature) (slot uint64, done bool, err error) {
	out, err := c.RPC.GetSignatureStatuses(ctx, false, sig)
	if err != nil {
		return 0, false, fmt.Errorf("signature status: %w", err)
	}
	if len(out.Value) == 0 || out.Value[0] == nil {
		return 0, false, nil
	}
	st := out.Value[0]
	if st.ConfirmationStatus != rpc.ConfirmationStatusConfirmed && st.ConfirmationStatus != rpc.ConfirmationStatusFinalized {
		return 0, false, nil
	}
	if st.Err != nil {
		return st.Slot, true, decodeTransactionError(st.Err, c.transactionLogs(ctx, sig))
	}
	return st.Slot, true, nil
}

// transactionLogs fetches the logs of a landed transaction for error reports.
func (c *Client) transactionLogs(ctx context.Context, sig solana.Signature) []string {
	maxVersion := uint64(0)
	tx, err := c.RPC.GetTransaction(ctx, sig, &rpc.GetTransactionOpts{Commitment: rpc.CommitmentConfirmed, MaxSupportedTransactionVersion: &maxVersion})
	if err != nil || tx == nil || tx.Meta == nil {
		return nil
	}
	return tx.Meta.LogMessages
}
