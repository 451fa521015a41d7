package localnet

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/rs/zerolog"
)

// Validator is a running localnet validator process.
type Validator struct {
	cfg  Config
	dir  string
	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
	err  error         // exit status, valid after done
	rpc  string
	ws   string
}

type readyLine struct {
	Ready bool   `json:"ready"`
	RPC   string `json:"rpc"`
	WS    string `json:"ws"`
	Slot  string `json:"slot"`
}

// Start launches the validator and waits until it prints its ready line.
func Start(ctx context.Context, cfg Config) (*Validator, error) {
	if cfg.Features == "" {
		cfg.Features = "all"
	}
	dir, err := ValidatorDir()
	if err != nil {
		return nil, err
	}
	v := &Validator{cfg: cfg, dir: dir}
	if err := v.start(ctx, cfg.Reset, cfg.RPCPort); err != nil {
		return nil, err
	}
	return v, nil
}

// RPCURL is the HTTP JSON-RPC endpoint.
func (v *Validator) RPCURL() string { v.mu.Lock(); defer v.mu.Unlock(); return v.rpc }

// WSURL is the WebSocket PubSub endpoint (the same port as RPCURL).
func (v *Validator) WSURL() string { v.mu.Lock(); defer v.mu.Unlock(); return v.ws }

func (v *Validator) args(reset bool, port int) []string {
	args := []string{"src/main.mjs", "--rpc-port", strconv.Itoa(port), "--features", v.cfg.Features, "--quiet"}
	if v.cfg.SlotDuration > 0 {
		args = append(args, "--slot-ms", strconv.FormatInt(v.cfg.SlotDuration.Milliseconds(), 10))
	}
	if v.cfg.MaxTransactionSize > 0 {
		args = append(args, "--max-transaction-size", strconv.Itoa(v.cfg.MaxTransactionSize))
	}
	for _, p := range v.cfg.Programs {
		args = append(args, "--bpf-program", p.ID.String(), p.Path)
	}
	if v.cfg.LedgerDir != "" {
		args = append(args, "--ledger", v.cfg.LedgerDir)
		if reset {
			args = append(args, "--reset")
		}
	}
	return args
}

func (v *Validator) start(ctx context.Context, reset bool, port int) error {
	node := v.cfg.NodePath
	if node == "" {
		node = "node"
	}
	cmd := exec.Command(node, v.args(reset, port)...)
	cmd.Dir = v.dir
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("start validator: %w", err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return fmt.Errorf("start validator: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start validator (%s): %w", node, err)
	}
	done := make(chan struct{})
	v.mu.Lock()
	v.cmd, v.done = cmd, done
	v.mu.Unlock()

	logger := v.cfg.Logger.With().Str("component", "localnet").Int("pid", cmd.Process.Pid).Logger()
	var pipes sync.WaitGroup
	pipes.Add(2)
	go func() { defer pipes.Done(); pipeStderr(stderr, logger) }()
	ready := make(chan readyLine, 1)
	go func() { defer pipes.Done(); scanStdout(stdout, ready, logger) }()
	go func() {
		pipes.Wait() // Wait must not run before the pipes are drained
		v.err = cmd.Wait()
		close(done)
	}()

	timer := time.NewTimer(v.cfg.readyTimeout())
	defer timer.Stop()
	select {
	case r := <-ready:
		if _, err := url.Parse(r.RPC); err != nil || r.RPC == "" || r.WS == "" {
			_ = v.Stop()
			return fmt.Errorf("start validator: malformed ready line %+v", r)
		}
		v.mu.Lock()
		v.rpc, v.ws = r.RPC, r.WS
		v.mu.Unlock()
		logger.Info().Str("rpc", r.RPC).Str("ws", r.WS).Str("slot", r.Slot).Msg("localnet ready")
		return nil
	case <-done:
		return fmt.Errorf("start validator: exited before ready: %v (see its stderr in the log)", v.err)
	case <-timer.C:
		_ = v.Stop()
		return fmt.Errorf("start validator: no ready line within %s", v.cfg.readyTimeout())
	case <-ctx.Done():
		_ = v.Stop()
		return fmt.Errorf("start validator: %w", ctx.Err())
	}
}

func scanStdout(r io.Reader, ready chan<- readyLine, logger zerolog.Logger) {
	sc := bufio.NewScanner(r)
	sent := false
	for sc.Scan() {
		var line readyLine
		if !sent && json.Unmarshal(sc.Bytes(), &line) == nil && line.Ready {
			ready <- line
			sent = true
			continue
		}
		logger.Info().Msg(sc.Text())
	}
}

// pipeStderr forwards the server's log lines (ISO timestamp, then the message) into zerolog.
func pipeStderr(r io.Reader, logger zerolog.Logger) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		msg := sc.Text()
		if ts, rest, ok := strings.Cut(msg, " "); ok && len(ts) == len("2006-01-02T15:04:05.000Z") && strings.HasSuffix(ts, "Z") {
			msg = rest
		}
		ev := logger.Debug()
		if strings.Contains(msg, "error") || strings.Contains(msg, "fatal") || strings.Contains(msg, "failed") {
			ev = logger.Warn()
		}
		ev.Msg(msg)
	}
}

// Stop sends SIGTERM (the server saves its ledger), waits, and sends SIGKILL after StopTimeout.
func (v *Validator) Stop() error {
	v.mu.Lock()
	cmd, done := v.cmd, v.done
	v.mu.Unlock()
	if cmd == nil {
		return nil
	}
	select {
	case <-done:
		return nil
	default:
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("stop validator: %w", err)
	}
	select {
	case <-done:
		return nil
	case <-time.After(v.cfg.stopTimeout()):
		v.cfg.Logger.Warn().Int("pid", cmd.Process.Pid).Msg("localnet did not exit after SIGTERM; killing it")
		_ = cmd.Process.Kill()
		<-done
		return fmt.Errorf("stop validator: killed after %s without exiting on SIGTERM", v.cfg.stopTimeout())
	}
}

// Restart stops the validator and starts it again on the same port, keeping the ledger.
func (v *Validator) Restart(ctx context.Context) error {
	if err := v.Stop(); err != nil {
		return fmt.Errorf("restart: %w", err)
	}
	u, err := url.Parse(v.RPCURL())
	if err != nil {
		return fmt.Errorf("restart: %w", err)
	}
	port, _ := strconv.Atoi(u.Port())
	if err := v.start(ctx, false, port); err != nil {
		return fmt.Errorf("restart: %w", err)
	}
	return nil
}
