package api

import (
	"errors"
	"math/bits"
	"net/http"
	"time"

	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/matcher/book"
	"github.com/solgrid/solgrid/matcher/pretrade"
)

// MatchJSON is one fill made by a submitted order.
type MatchJSON struct {
	Fill         string `json:"fill"`
	CounterOrder string `json:"counter_order"` // the resting order's book sequence number
	SKU          string `json:"sku"`
	GPUs         uint32 `json:"gpu_count"`
	Price        Num    `json:"price"`
	Hours        uint32 `json:"hours"`
}

// SubmitResponse is the answer to an accepted order.
type SubmitResponse struct {
	Seq       string      `json:"seq"`
	Status    string      `json:"status"`
	Remaining uint32      `json:"remaining"`
	Fills     []MatchJSON `json:"fills"`
}

func skuKey(s solgridmarket.GpuSku) string {
	if int(s) < len(client.GPUs) {
		return client.GPUs[s].Key
	}
	return "unknown"
}

func (s *Server) submit(w http.ResponseWriter, r *http.Request) {
	var req SubmitRequest
	if e := s.readJSON(w, r, &req); e != nil {
		s.refuse(w, "unknown", e)
		return
	}
	so, e := req.decode()
	if e != nil {
		s.refuse(w, req.Order.Side, e)
		return
	}
	side := req.Order.Side
	if e := s.check(r, so); e != nil {
		s.refuse(w, side, e)
		return
	}
	var rel uint16
	if so.Order.Side == solgridmarket.Side_Ask {
		var err error
		if rel, err = s.nodes.CheckAsk(r.Context(), &so.Order); err != nil {
			if errors.Is(err, pretrade.ErrNodeUnavailable) {
				s.refuse(w, side, errorf(http.StatusUnprocessableEntity, CodeNodeUnavailable, "%v", err))
			} else {
				s.refuse(w, side, errorf(http.StatusServiceUnavailable, CodeUnavailable, "node check: %v", err))
			}
			return
		}
	}
	start := time.Now()
	res, err := s.book.Submit(r.Context(), so, rel)
	s.metrics.MatchSeconds.Observe(time.Since(start).Seconds())
	if err != nil {
		s.refuse(w, side, bookError(err))
		return
	}
	s.metrics.Orders.WithLabelValues(side, "accepted").Inc()
	s.metrics.Fills.Add(float64(len(res.Fills)))
	out := SubmitResponse{Seq: res.Seq, Status: book.StatusOpen, Remaining: res.Remaining, Fills: []MatchJSON{}}
	if res.Remaining == 0 {
		out.Status = book.StatusFilled
	}
	for _, m := range res.Fills {
		out.Fills = append(out.Fills, MatchJSON{Fill: m.Fill, CounterOrder: m.Counter, SKU: skuKey(m.SKU), GPUs: m.GPUs, Price: numOf(m.Price), Hours: m.Hours})
	}
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) refuse(w http.ResponseWriter, side string, e *Error) {
	if side != "bid" && side != "ask" {
		side = "unknown"
	}
	s.metrics.Orders.WithLabelValues(side, e.Code).Inc()
	s.fail(w, e)
}

// check applies every rule an order must pass before it may touch the book.
func (s *Server) check(r *http.Request, so *solgridmarket.SignedOrder) *Error {
	o := &so.Order
	switch {
	case o.GpuCount == 0:
		return badRequest(CodeZeroQuantity, "gpu_count must be at least 1")
	case o.LimitPrice == 0:
		return badRequest(CodeZeroPrice, "limit_price must be at least 1 micro-USD per GPU-hour")
	}
	if err := client.ValidateOrder(o); err != nil {
		return badRequest(CodeInvalidOrder, "%v", err)
	}
	if err := client.VerifyOrder(so); err != nil {
		return errorf(http.StatusUnauthorized, CodeBadSignature, "%v", err)
	}
	if o.Market != s.book.Market() {
		return badRequest(CodeWrongMarket, "order is for market %s; this matcher serves %s", o.Market, s.book.Market())
	}
	if o.ExpiresAt <= s.book.Cutoff() {
		return badRequest(CodeExpired, "order expires at %d, too soon to be matched and committed (cutoff %d)", o.ExpiresAt, s.book.Cutoff())
	}
	if _, _, err := pretrade.MaxCost(o, 10_000); err != nil {
		return badRequest(CodeOverflow, "%v", err)
	}
	// Every lease is at least 1 GPU for the longer min_hours at no less than the
	// ask's limit, so checking both sides bounds every lease from below.
	if hi, smallest := bits.Mul64(o.LimitPrice, uint64(o.MinHours)); hi == 0 && smallest < s.minLease {
		return badRequest(CodeBelowMinimum, "the smallest lease this order allows (1 GPU × %d h at %d micro-USD) is under this matcher's minimum of %d micro-USD",
			o.MinHours, o.LimitPrice, s.minLease)
	}
	if o.Side == solgridmarket.Side_Bid {
		if err := s.funds.CheckBid(r.Context(), o); err != nil {
			switch {
			case errors.Is(err, pretrade.ErrInsufficientBalance):
				return errorf(http.StatusPaymentRequired, CodeInsufficientBalance, "%v", err)
			case errors.Is(err, pretrade.ErrMintNotAccepted):
				return badRequest(CodeMintNotAccepted, "%v", err)
			case errors.Is(err, pretrade.ErrFeeAboveLimit):
				return badRequest(CodeFeeAboveLimit, "%v", err)
			case errors.Is(err, pretrade.ErrOverflow):
				return badRequest(CodeOverflow, "%v", err)
			}
			return errorf(http.StatusServiceUnavailable, CodeUnavailable, "balance check: %v", err)
		}
	}
	return nil
}

func bookError(err error) *Error {
	switch {
	case errors.Is(err, book.ErrDuplicate):
		return errorf(http.StatusConflict, CodeDuplicateOrder, "%v", err)
	case errors.Is(err, book.ErrOwnerLimit):
		return errorf(http.StatusTooManyRequests, CodeOwnerLimit, "%v", err)
	case errors.Is(err, book.ErrExpired):
		return badRequest(CodeExpired, "%v", err)
	case errors.Is(err, book.ErrNotFound):
		return errorf(http.StatusNotFound, CodeNotFound, "%v", err)
	case errors.Is(err, book.ErrNotOpen):
		return errorf(http.StatusConflict, CodeNotOpen, "%v", err)
	default:
		return errorf(http.StatusServiceUnavailable, CodeUnavailable, "%v", err)
	}
}
