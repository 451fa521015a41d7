package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Client talks to a matcher's HTTP API; refusals come back as *Error with the
// API's code, so callers can branch on it.
type Client struct {
	BaseURL string // e.g. http://127.0.0.1:8080
	HTTP    *http.Client
}

// NewClient returns a client for the matcher at baseURL.
func NewClient(baseURL string) *Client {
	return &Client{BaseURL: strings.TrimRight(baseURL, "/"), HTTP: http.DefaultClient}
}

// Submit sends a signed order; the answer lists the fills it made at once.
func (c *Client) Submit(ctx context.Context, so *solgridmarket.SignedOrder) (*SubmitResponse, error) {
	var out SubmitResponse
	if err := c.do(ctx, http.MethodPost, "/v1/orders", NewSubmitRequest(so), &out); err != nil {
		return nil, fmt.Errorf("submit order %d: %w", so.Order.OrderId, err)
	}
	return &out, nil
}

// Cancel takes the owner's order off the book (signed by the owner).
func (c *Client) Cancel(ctx context.Context, market solana.PublicKey, owner solana.PrivateKey, orderID uint64) error {
	if err := c.do(ctx, http.MethodPost, "/v1/orders/cancel", NewCancelRequest(market, owner, orderID), nil); err != nil {
		return fmt.Errorf("cancel order %d: %w", orderID, err)
	}
	return nil
}

// Status reports an order, its fills and their on-chain state.
func (c *Client) Status(ctx context.Context, owner solana.PublicKey, orderID uint64) (*OrderStatusJSON, error) {
	var out OrderStatusJSON
	if err := c.do(ctx, http.MethodGet, fmt.Sprintf("/v1/orders/%s/%d", owner, orderID), nil, &out); err != nil {
		return nil, fmt.Errorf("order %d of %s: %w", orderID, owner, err)
	}
	return &out, nil
}

// Depth is the book of one SKU (key as in client.GPUs, e.g. "h100-sxm").
type Depth struct {
	SKU  string      `json:"sku"`
	Bids []LevelJSON `json:"bids"`
	Asks []LevelJSON `json:"asks"`
}

// Depth returns the best price levels of a SKU's book.
func (c *Client) Depth(ctx context.Context, sku string) (*Depth, error) {
	var out Depth
	if err := c.do(ctx, http.MethodGet, "/v1/book/"+sku, nil, &out); err != nil {
		return nil, fmt.Errorf("book %s: %w", sku, err)
	}
	return &out, nil
}

func (c *Client) do(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("matcher %s unreachable (is `solgrid matcher run` up?): %w", c.BaseURL, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		var refusal struct {
			Error Error `json:"error"`
		}
		if json.Unmarshal(raw, &refusal) == nil && refusal.Error.Code != "" {
			refusal.Error.Status = resp.StatusCode
			return &refusal.Error
		}
		return fmt.Errorf("matcher answered %s: %.200s", resp.Status, raw)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(raw, out)
}
