// Package redisserver runs a private redis-server for the matcher, its tests and the
// demo: on a free loopback port, with append-only persistence in a directory of its
// own, so the order book survives a restart of Redis itself.
package redisserver

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rs/zerolog"
)

// Config says where the server keeps its data and whether it persists it.
type Config struct {
	Dir       string // data directory; created if missing
	Ephemeral bool   // no AOF (benchmarks of the engine alone)
	Logger    zerolog.Logger
}

// Server is a running redis-server child process.
type Server struct {
	cfg  Config
	port int
	cmd  *exec.Cmd
	done chan error
}

// Start launches redis-server on a free port and waits until it answers PING.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		return nil, errors.New("redis-server not found on PATH: install it with `apt-get install redis-server` (Redis 7)")
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("redis data dir: %w", err)
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, port: port}
	if err := s.launch(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Addr is host:port for go-redis.
func (s *Server) Addr() string { return "127.0.0.1:" + strconv.Itoa(s.port) }

func (s *Server) launch(ctx context.Context) error {
	args := []string{
		"--port", strconv.Itoa(s.port), "--bind", "127.0.0.1",
		"--dir", s.cfg.Dir, "--save", "", "--daemonize", "no", "--logfile", "",
	}
	if s.cfg.Ephemeral {
		args = append(args, "--appendonly", "no")
	} else {
		// fsync every write: a matched order must not vanish with the process.
		args = append(args, "--appendonly", "yes", "--appendfsync", "always")
	}
	s.cmd = exec.Command("redis-server", args...)
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := s.cmd.Start(); err != nil {
		return fmt.Errorf("start redis-server: %w", err)
	}
	s.done = make(chan error, 1)
	go s.forwardLog(stdout)
	go func() { s.done <- s.cmd.Wait() }()
	return s.waitReady(ctx)
}

func (s *Server) forwardLog(out io.Reader) {
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		s.cfg.Logger.Debug().Str("component", "redis").Int("port", s.port).Msg(sc.Text())
	}
}

func (s *Server) waitReady(ctx context.Context) error {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ping(s.Addr()) == nil {
			return nil
		}
		select {
		case err := <-s.done:
			return fmt.Errorf("redis-server on port %d exited at start: %v", s.port, err)
		case <-ctx.Done():
			s.Kill()
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	s.Kill()
	return fmt.Errorf("redis-server on port %d did not answer PING within 10s", s.port)
}

// ping speaks just enough RESP to know the server accepts commands (a server still
// loading its AOF answers -LOADING).
func ping(addr string) error {
	conn, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(time.Second))
	if _, err := conn.Write([]byte("PING\r\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return err
	}
	if !strings.HasPrefix(line, "+PONG") {
		return fmt.Errorf("redis not ready: %q", strings.TrimSpace(line))
	}
	return nil
}

// Stop shuts the server down cleanly (SIGTERM makes Redis flush the AOF).
func (s *Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.Kill()
	}
}

// Kill ends the server with SIGKILL, as a crash would.
func (s *Server) Kill() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
	}
}

// Restart stops (or, with crash, kills) the server and starts it again on the same
// port and data directory, replaying the AOF.
func (s *Server) Restart(ctx context.Context, crash bool) error {
	if crash {
		s.Kill()
	} else {
		s.Stop()
	}
	return s.launch(ctx)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
