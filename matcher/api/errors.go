package api

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Error codes: stable, machine-readable reasons for refusing a request.
const (
	CodeBadJSON             = "bad_json"
	CodeBodyTooLarge        = "body_too_large"
	CodeBadSignature        = "bad_signature"
	CodeWrongMarket         = "wrong_market"
	CodeUnknownSKU          = "unknown_sku"
	CodeZeroQuantity        = "zero_quantity"
	CodeZeroPrice           = "zero_price"
	CodeBelowMinimum        = "below_minimum"
	CodeOverflow            = "overflow"
	CodeInvalidField        = "invalid_field"
	CodeInvalidOrder        = "invalid_order"
	CodeExpired             = "expired"
	CodeDuplicateOrder      = "duplicate_order"
	CodeOwnerLimit          = "owner_limit"
	CodeInsufficientBalance = "insufficient_balance"
	CodeNodeUnavailable     = "node_unavailable"
	CodeMintNotAccepted     = "mint_not_accepted"
	CodeFeeAboveLimit       = "fee_above_limit"
	CodeNotFound            = "not_found"
	CodeNotOpen             = "not_open"
	CodeUnavailable         = "unavailable"
	CodeInternal            = "internal"
)

// Error is the body of every refused request.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

func errorf(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

func badRequest(code, format string, args ...any) *Error {
	return errorf(http.StatusBadRequest, code, format, args...)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) fail(w http.ResponseWriter, e *Error) {
	s.metrics.Errors.WithLabelValues(e.Code).Inc()
	if e.Status >= 500 {
		s.log.Error().Str("code", e.Code).Msg(e.Message)
	}
	writeJSON(w, e.Status, map[string]*Error{"error": e})
}
