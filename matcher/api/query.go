package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/book"
)

// FillJSON is a fill as order status and lease listings show it.
type FillJSON struct {
	Fill      string `json:"fill"`
	BidOrder  string `json:"bid_order"`
	AskOrder  string `json:"ask_order"`
	SKU       string `json:"sku"`
	GPUs      uint32 `json:"gpu_count"`
	Price     Num    `json:"price"`
	Hours     uint32 `json:"hours"`
	Maker     string `json:"maker"`
	MatchedAt int64  `json:"matched_at"`
	Status    string `json:"status"`           // pending, committed or failed
	Reason    string `json:"reason,omitempty"` // program error of a failed fill
	Tx        string `json:"tx,omitempty"`     // the commit transaction
}

// OrderStatusJSON is the answer to GET /v1/orders/{owner}/{order_id}.
type OrderStatusJSON struct {
	Seq       string       `json:"seq"`
	Owner     string       `json:"owner"`
	OrderID   Num          `json:"order_id"`
	Side      string       `json:"side"`
	SKUs      []string     `json:"skus"`
	Price     Num          `json:"limit_price"`
	GPUs      uint32       `json:"gpu_count"`
	Remaining uint32       `json:"remaining"`
	Matched   uint32       `json:"matched"`
	Committed uint32       `json:"committed"` // GPUs in fills whose lease is on chain
	ExpiresAt int64        `json:"expires_at"`
	Status    string       `json:"status"`
	Reason    string       `json:"reason,omitempty"`
	Fills     []FillJSON   `json:"fills"`
	OnChain   *OnChainJSON `json:"on_chain,omitempty"`
}

// OnChainJSON is the order's OrderState, when the matcher reads the chain.
type OnChainJSON struct {
	FilledGPUs uint32 `json:"filled_gpus"`
	Cancelled  bool   `json:"cancelled"`
	Error      string `json:"error,omitempty"` // the chain could not be read
}

func sideName(s solgridmarket.Side) string {
	if s == solgridmarket.Side_Ask {
		return "ask"
	}
	return "bid"
}

func fillJSON(f book.Fill) FillJSON {
	return FillJSON{
		Fill: f.Seq, BidOrder: f.BidSeq, AskOrder: f.AskSeq, SKU: skuKey(f.SKU), GPUs: f.GPUs, Price: numOf(f.Price),
		Hours: f.Hours, Maker: sideName(f.Maker), MatchedAt: f.At, Status: f.Status, Reason: f.Reason, Tx: f.Tx,
	}
}

func (s *Server) orderStatus(w http.ResponseWriter, r *http.Request) {
	owner, e := pubkey("owner", r.PathValue("owner"), false)
	if e != nil {
		s.fail(w, e)
		return
	}
	id, e := Num(r.PathValue("order_id")).parse("order_id", 64)
	if e != nil {
		s.fail(w, e)
		return
	}
	o, err := s.book.Order(r.Context(), owner, id)
	if err != nil {
		s.fail(w, bookError(err))
		return
	}
	fills, err := s.book.OrderFills(r.Context(), o.Seq)
	if err != nil {
		s.fail(w, bookError(err))
		return
	}
	out := OrderStatusJSON{
		Seq: o.Seq, Owner: o.Owner.String(), OrderID: numOf(o.OrderID), Side: sideName(o.Side), Price: numOf(o.Price),
		GPUs: o.GPUs, Remaining: o.Remaining, Matched: o.Matched(), ExpiresAt: o.ExpiresAt,
		Status: o.Status, Reason: o.Reason, Fills: []FillJSON{},
	}
	for _, g := range client.GPUs {
		if o.SKUMask&client.SKUMask(g.SKU) != 0 {
			out.SKUs = append(out.SKUs, g.Key)
		}
	}
	for _, f := range fills {
		if f.Status == book.FillCommitted {
			out.Committed += f.GPUs
		}
		out.Fills = append(out.Fills, fillJSON(f))
	}
	if s.chain != nil {
		out.OnChain = &OnChainJSON{}
		st, err := s.chain.FetchOrderState(r.Context(), s.book.Market(), o.Owner, o.OrderID)
		switch {
		case err == nil:
			out.OnChain.FilledGPUs, out.OnChain.Cancelled = st.FilledGpus, st.Cancelled != 0
		case !errors.Is(err, client.ErrAccountNotFound): // not found: nothing on chain yet
			out.OnChain.Error = err.Error()
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// LevelJSON is one price level of a book.
type LevelJSON struct {
	Price  Num    `json:"price"`
	GPUs   uint64 `json:"gpu_count"`
	Orders int    `json:"orders"`
}

func (s *Server) depth(w http.ResponseWriter, r *http.Request) {
	g, err := client.ParseGPU(r.PathValue("sku"))
	if err != nil {
		s.fail(w, errorf(http.StatusNotFound, CodeUnknownSKU, "%v", err))
		return
	}
	levels, e := queryInt(r, "levels", 20, 1, 500)
	if e != nil {
		s.fail(w, e)
		return
	}
	out := map[string]any{"sku": g.Key}
	for _, side := range []solgridmarket.Side{solgridmarket.Side_Bid, solgridmarket.Side_Ask} {
		lv, err := s.book.Depth(r.Context(), g.SKU, side, levels, 10_000)
		if err != nil {
			s.fail(w, bookError(err))
			return
		}
		js := []LevelJSON{}
		for _, l := range lv {
			js = append(js, LevelJSON{Price: numOf(l.Price), GPUs: l.GPUs, Orders: l.Orders})
		}
		out[sideName(side)+"s"] = js
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) leases(w http.ResponseWriter, r *http.Request) {
	wallet, e := pubkey("wallet", r.PathValue("wallet"), false)
	if e != nil {
		s.fail(w, e)
		return
	}
	limit, e := queryInt(r, "limit", 100, 1, 1000)
	if e != nil {
		s.fail(w, e)
		return
	}
	fills, err := s.book.WalletFills(r.Context(), wallet.String(), limit)
	if err != nil {
		s.fail(w, bookError(err))
		return
	}
	out := []FillJSON{}
	for _, f := range fills {
		out = append(out, fillJSON(f))
	}
	writeJSON(w, http.StatusOK, map[string]any{"wallet": wallet.String(), "leases": out})
}

func queryInt(r *http.Request, name string, def, min, max int) (int, *Error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		return 0, badRequest(CodeInvalidField, "%s must be an integer in %d..%d", name, min, max)
	}
	return n, nil
}
