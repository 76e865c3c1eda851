package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/web"
)

func runTokens(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("tokens")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("want create NAME or list")
	}
	switch pos[0] {
	case "create":
		if len(pos) != 2 {
			return usageError("create takes one NAME")
		}
		return createToken(ctx, c, pos[1])
	case "list":
		if len(pos) != 1 {
			return usageError("list takes no arguments")
		}
		return listTokens(ctx, c)
	}
	return usageError("unknown subcommand %q", pos[0])
}

// createToken makes a random secret, stores only its hash and prints the
// secret once: alone on standard output, so scripts can capture it, with
// the explanation on standard error.
func createToken(ctx context.Context, c *cli, name string) error {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 64 || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return usageError("a token NAME is 1 to 64 printable characters")
	}
	raw := make([]byte, 32)
	rand.Read(raw) // never fails (crypto/rand)
	secret := "pulse_" + base64.RawURLEncoding.EncodeToString(raw)
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	t := &pulse.Token{Name: name, Hash: web.HashToken(secret)}
	if err := s.CreateToken(ctx, t); err != nil {
		return fmt.Errorf("create token %s: %w", name, err)
	}
	fmt.Fprintf(c.stderr, "Token %q created. Copy it now; it is stored only as a hash and cannot be shown again.\n"+
		"Send it as \"Authorization: Bearer TOKEN\", or paste it into the web sign-in form.\n", name)
	fmt.Fprintln(c.stdout, secret)
	return nil
}

func listTokens(ctx context.Context, c *cli) error {
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	ts, err := s.FindTokens(ctx)
	if err != nil {
		return fmt.Errorf("list tokens: %w", err)
	}
	w := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tCREATED\tLAST USED")
	for _, t := range ts {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", t.ID, t.Name, when(t.CreatedAt), when(t.LastUsedAt))
	}
	return w.Flush()
}

func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}
