package sqlstore

import (
	"strings"
	"testing"

	"github.com/fundingpulse/pulse"
)

// sexp writes q compactly for comparison: terms quoted, a prefix as *.
func sexp(q *Query) string {
	switch q.Op {
	case Term:
		s := `"` + q.Text + `"`
		if q.Prefix {
			s += "*"
		}
		return s
	case Not:
		return "(not " + sexp(q.Kids[0]) + ")"
	}
	parts := []string{map[Op]string{And: "and", Or: "or"}[q.Op]}
	for _, k := range q.Kids {
		parts = append(parts, sexp(k))
	}
	return "(" + strings.Join(parts, " ") + ")"
}

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		code     string
	}{
		{in: "optical", want: `"optical"`},
		{in: "optical interconnect", want: `(and "optical" "interconnect")`},
		{in: "a AND b", want: `(and "a" "b")`},
		{in: `"data center" OR gpu*`, want: `(or "data center" "gpu"*)`},
		{in: `"data cent"* x`, want: `(and "data cent"* "x")`},
		{in: "money -weather", want: `(and "money" (not "weather"))`},
		{in: "fund NOT (texas OR ohio)", want: `(and "fund" (not (or "texas" "ohio")))`},
		{in: "a OR b c", want: `(or "a" (and "b" "c"))`},
		{in: `say "NOT" here`, want: `(and "say" "NOT" "here")`},
		{in: `quote"inside`, want: `(and "quote" "inside")`},
		{in: `a""b`, want: `(and "a" "b")`},
		{in: `"unterminated phrase`, want: `"unterminated phrase"`},
		{in: "NOT NOT a", want: `"a"`},
		{in: "(a", want: `"a"`},
		{in: "NEAR(a b)", want: `(and "NEAR" (and "a" "b"))`},
		{in: "title:x", want: `"title:x"`},
		{in: "x:* | y&z", want: `(and "x:"* "y&z")`},
		{in: "a\x00b", want: `(and "a" "b")`},
		{in: "a \xffb", want: `(and "a" "b")`},
		{in: "(a -b) c", want: `(and (and "a" (not "b")) "c")`},
		{in: "", code: pulse.EINVALID},
		{in: "* - ! ()", code: pulse.EINVALID},
		{in: "a)", code: pulse.EINVALID},
		{in: "-a", code: pulse.EINVALID},
		{in: "NOT", code: pulse.EINVALID},
		{in: "a NOT", code: pulse.EINVALID},
		{in: "a OR -b", code: pulse.EINVALID},
		{in: "a (-b)", want: `(and "a" (not "b"))`},
		{in: "a NOT (b -c)", want: `(and "a" (not (and "b" (not "c"))))`},
		{in: "a -(b)", want: `(and "a" "b")`},
		{in: "a NOT (-b)", want: `(and "a" "b")`},
		{in: "-a -b", code: pulse.EINVALID},
		{in: strings.Repeat("(", 17) + "a", code: pulse.EINVALID},
		{in: strings.Repeat("a ", 501), code: pulse.EINVALID},
	} {
		q, err := ParseQuery(tc.in)
		if pulse.ErrorCode(err) != tc.code {
			t.Errorf("ParseQuery(%q) error = %v, want code %q", tc.in, err, tc.code)
			continue
		}
		if err != nil {
			continue
		}
		if got := sexp(q); got != tc.want {
			t.Errorf("ParseQuery(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// FuzzParseQuery checks that no input panics and that every accepted tree
// keeps the invariants renderers rely on.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"a", `"a b" OR c*`, "x -y", "(a OR b) NOT c", `"`, "\x00", "日本 語"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			if pulse.ErrorCode(err) != pulse.EINVALID {
				t.Fatalf("ParseQuery(%q): %v", s, err)
			}
			return
		}
		if err := checkNot(q); err != nil {
			t.Fatalf("ParseQuery(%q) = %s: %v", s, sexp(q), err)
		}
		var walk func(q *Query)
		walk = func(q *Query) {
			switch q.Op {
			case Term:
				if !hasWordChar(q.Text) {
					t.Fatalf("ParseQuery(%q) has term %q without a word", s, q.Text)
				}
			case And, Or:
				if len(q.Kids) < 2 {
					t.Fatalf("ParseQuery(%q) = %s: a group of %d", s, sexp(q), len(q.Kids))
				}
			}
			for _, k := range q.Kids {
				walk(k)
			}
		}
		walk(q)
	})
}
