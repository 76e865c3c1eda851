package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// ftsQuery parses a search and renders it as an FTS5 MATCH expression.
func ftsQuery(s string) (string, error) {
	q, err := sqlstore.ParseQuery(s)
	if err != nil {
		return "", err
	}
	return renderFTS(q), nil
}

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		code     string
	}{
		{in: "optical", want: `"optical"`},
		{in: "optical interconnect", want: `(("optical") AND ("interconnect"))`},
		{in: "a AND b", want: `(("a") AND ("b"))`},
		{in: `"data center" OR gpu*`, want: `("data center") OR ("gpu" *)`},
		{in: "money -weather", want: `(("money")) NOT ("weather")`},
		{in: "fund NOT (texas OR ohio)", want: `(("fund")) NOT (("texas") OR ("ohio"))`},
		{in: `say "NOT" here`, want: `(("say") AND ("NOT") AND ("here"))`},
		{in: `quote"inside`, want: `(("quote") AND ("inside"))`},
		{in: `a""b`, want: `(("a") AND ("b"))`},
		{in: "NOT NOT a", want: `"a"`},
		{in: "(a", want: `"a"`},
		{in: "NEAR(a b)", want: `(("NEAR") AND ((("a") AND ("b"))))`},
		{in: "title:x", want: `"title:x"`},
		{in: "", code: pulse.EINVALID},
		{in: "* - ! ()", code: pulse.EINVALID},
		{in: "a)", code: pulse.EINVALID},
		{in: "-a", code: pulse.EINVALID},
		{in: "NOT", code: pulse.EINVALID},
		{in: "a OR -b", code: pulse.EINVALID},
	} {
		got, err := ftsQuery(tc.in)
		if pulse.ErrorCode(err) != tc.code {
			t.Errorf("ftsQuery(%q) error = %v, want code %q", tc.in, err, tc.code)
			continue
		}
		if got != tc.want {
			t.Errorf("ftsQuery(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// FuzzFTSQuery checks that no input panics and that every expression the
// translator accepts is valid FTS5 syntax.
func FuzzFTSQuery(f *testing.F) {
	db, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	for _, s := range []string{"a", `"a b" OR c*`, "x -y", "(a OR b) NOT c", `"`, "\x00", "日本 語"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		match, err := ftsQuery(q)
		if err != nil {
			if pulse.ErrorCode(err) != pulse.EINVALID {
				t.Fatalf("ftsQuery(%q): %v", q, err)
			}
			return
		}
		var n int
		if err := db.r.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, match).Scan(&n); err != nil {
			t.Fatalf("ftsQuery(%q) = %s: %v", q, match, err)
		}
	})
}
