package api

import (
	"crypto/ed25519"
	"net/http"
)

func (s *Server) cancel(w http.ResponseWriter, r *http.Request) {
	var req CancelRequest
	if e := s.readJSON(w, r, &req); e != nil {
		s.fail(w, e)
		return
	}
	market, e := pubkey("market", req.Market, false)
	if e != nil {
		s.fail(w, e)
		return
	}
	owner, e := pubkey("owner", req.Owner, false)
	if e != nil {
		s.fail(w, e)
		return
	}
	id, e := req.OrderID.parse("order_id", 64)
	if e != nil {
		s.fail(w, e)
		return
	}
	sig, e := signature(req.Signature)
	if e != nil {
		s.fail(w, e)
		return
	}
	if !ed25519.Verify(ed25519.PublicKey(owner[:]), CancelMessage(market, owner, id), sig[:]) {
		s.fail(w, errorf(http.StatusUnauthorized, CodeBadSignature, "cancel signature does not verify against owner %s", owner))
		return
	}
	if market != s.book.Market() {
		s.fail(w, badRequest(CodeWrongMarket, "cancel is for market %s; this matcher serves %s", market, s.book.Market()))
		return
	}
	left, err := s.book.Cancel(r.Context(), owner, id)
	if err != nil {
		s.fail(w, bookError(err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "cancelled", "cancelled_gpus": left})
}
