package session

import (
	"context"
	"net"
	"testing"
)

type nopTunnel struct{ dialed []string }

func (n *nopTunnel) DialContext(_ context.Context, _, addr string) (net.Conn, error) {
	n.dialed = append(n.dialed, addr)
	return nil, net.ErrClosed
}
func (n *nopTunnel) Close() error { return nil }

// Through a tunnel, pgx keeps the real database host (so TLS verifies that
// name), leaves name resolution to the bastion, and dials through the tunnel.
func TestTunnelKeepsRealHostForTLSAndResolvesNothingLocally(t *testing.T) {
	c := Config{Host: "db.private.invalid", Port: 5439, User: "u", Database: "dev", SSLMode: "verify-full"}
	tun := &nopTunnel{}
	pc, err := c.poolConfig(tun)
	if err != nil {
		t.Fatal(err)
	}
	cc := pc.ConnConfig
	if cc.Host != "db.private.invalid" || cc.TLSConfig == nil || cc.TLSConfig.ServerName != "db.private.invalid" || cc.TLSConfig.InsecureSkipVerify {
		t.Fatalf("host %q, TLS %+v: want the real host as the verified server name", cc.Host, cc.TLSConfig)
	}
	addrs, err := cc.LookupFunc(context.Background(), "db.private.invalid")
	if err != nil || len(addrs) != 1 || addrs[0] != "db.private.invalid" {
		t.Fatalf("lookup = %v, %v; want the name unresolved for the bastion", addrs, err)
	}
	_, _ = cc.DialFunc(context.Background(), "tcp", "db.private.invalid:5439")
	if len(tun.dialed) != 1 || tun.dialed[0] != "db.private.invalid:5439" {
		t.Fatalf("dialed through the tunnel: %v", tun.dialed)
	}
}
