package change

import (
	"bytes"
	"encoding/binary"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
)

// faultAction is what the proxy does to the first client message that matches.
type faultAction int

const (
	// dropReply forwards the message, swallows the server's reply up to
	// ReadyForQuery, then cuts the client connection: "COMMIT sent, reply lost".
	dropReply faultAction = iota
	// swallow never forwards the message and cuts both sides: "COMMIT lost on the way".
	swallow
	// silence stops forwarding in both directions and keeps both sockets open,
	// like a network that drops packets instead of refusing them.
	silence
	// blackout is silence for this connection and every later one: new
	// connections are accepted and never answered.
	blackout
)

// faultProxy is a TCP proxy between pgx and PostgreSQL that reads the
// frontend protocol message by message and injects one fault on the first
// simple-protocol Query whose text contains match. Later connections (the
// reconnect that settles the outcome) pass untouched.
type faultProxy struct {
	t      *testing.T
	ln     net.Listener
	target string
	match  []byte
	action faultAction
	armed  atomic.Bool
	dark   atomic.Bool // blackout fired: later connections hang
	fired  chan struct{}

	mu    sync.Mutex
	conns []net.Conn
}

func newFaultProxy(t *testing.T, target, match string, action faultAction) *faultProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &faultProxy{t: t, ln: ln, target: target, match: []byte(match), action: action, fired: make(chan struct{})}
	go p.serve()
	t.Cleanup(p.close)
	return p
}

// arm makes the next matching message fire the fault (once).
func (p *faultProxy) arm() { p.armed.Store(true) }

func (p *faultProxy) addr() *net.TCPAddr { return p.ln.Addr().(*net.TCPAddr) }

func (p *faultProxy) close() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

func (p *faultProxy) track(c net.Conn) {
	p.mu.Lock()
	p.conns = append(p.conns, c)
	p.mu.Unlock()
}

func (p *faultProxy) serve() {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		if p.dark.Load() {
			p.track(client) // accepted, never answered
			continue
		}
		server, err := net.Dial("tcp", p.target)
		if err != nil {
			client.Close()
			continue
		}
		p.track(client)
		p.track(server)
		go p.pipe(client, server)
	}
}

// readMsg reads one frontend/backend message: type byte (absent for the
// startup message) and an int32 length that counts itself.
func readMsg(r io.Reader, typed bool) ([]byte, error) {
	head := 4
	if typed {
		head = 5
	}
	buf := make([]byte, head)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, err
	}
	n := int(binary.BigEndian.Uint32(buf[head-4:]))
	body := make([]byte, n-4)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	return append(buf, body...), nil
}

func (p *faultProxy) pipe(client, server net.Conn) {
	var mute atomic.Bool             // server → client dropped
	replyGone := make(chan struct{}) // the muted reply reached ReadyForQuery
	var once sync.Once
	go func() {
		for {
			m, err := readMsg(server, true)
			if err != nil {
				if !mute.Load() {
					client.Close()
				}
				return
			}
			if mute.Load() {
				if m[0] == 'Z' {
					once.Do(func() { close(replyGone) })
				}
				continue
			}
			if _, err := client.Write(m); err != nil {
				return
			}
		}
	}()
	startup, err := readMsg(client, false)
	if err != nil {
		server.Close()
		return
	}
	if _, err := server.Write(startup); err != nil {
		return
	}
	for {
		m, err := readMsg(client, true)
		if err != nil {
			if !mute.Load() {
				server.Close() // an ordinary disconnect reaches the server
			}
			return
		}
		if m[0] == 'Q' && bytes.Contains(bytes.ToUpper(m), bytes.ToUpper(p.match)) && p.armed.CompareAndSwap(true, false) {
			close(p.fired)
			switch p.action {
			case dropReply:
				mute.Store(true)
				_, _ = server.Write(m)
				<-replyGone
				client.Close()
				return
			case swallow:
				client.Close()
				server.Close()
				return
			case silence, blackout:
				if p.action == blackout {
					p.dark.Store(true)
				}
				mute.Store(true)
				// Read and drop whatever the client still sends; the server hears nothing.
				_, _ = io.Copy(io.Discard, client)
				return
			}
		}
		if _, err := server.Write(m); err != nil {
			return
		}
	}
}
