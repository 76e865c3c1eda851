package postgres

import (
	"testing"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/internal/sqlstore"
)

func TestRenderTS(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		args     []any
		code     string
	}{
		{in: "Énergie", want: "phraseto_tsquery('simple', $1)", args: []any{"energie"}},
		{in: "a b", want: "(phraseto_tsquery('simple', $1) && phraseto_tsquery('simple', $2))", args: []any{"a", "b"}},
		{in: "a OR -b", code: pulse.EINVALID},
		{in: "fund -texas", want: "(phraseto_tsquery('simple', $1) && !!phraseto_tsquery('simple', $2))", args: []any{"fund", "texas"}},
		{in: "fund NOT (tx OR oh)", want: "(phraseto_tsquery('simple', $1) && !!(phraseto_tsquery('simple', $2) || phraseto_tsquery('simple', $3)))", args: []any{"fund", "tx", "oh"}},
		{in: "opt*", want: "to_tsquery('simple', $1)", args: []any{"opt:*"}},
		{in: `"data cent"*`, want: "tsquery_phrase(phraseto_tsquery('simple', $1), to_tsquery('simple', $2))", args: []any{"data", "cent:*"}},
		{in: "x:* | y&z", want: "(to_tsquery('simple', $1) && phraseto_tsquery('simple', $2))", args: []any{"x:*", "y&z"}},
		{in: "a)", code: pulse.EINVALID},
	} {
		q, err := sqlstore.ParseQuery(tc.in)
		if pulse.ErrorCode(err) != tc.code {
			t.Errorf("ParseQuery(%q) error = %v, want code %q", tc.in, err, tc.code)
			continue
		}
		if err != nil {
			continue
		}
		w := sqlstore.NewWhere(dialect{})
		got := renderTS(q, w)
		if got != tc.want || len(w.Args) != len(tc.args) {
			t.Errorf("renderTS(%q) = %s %v, want %s %v", tc.in, got, w.Args, tc.want, tc.args)
			continue
		}
		for i := range tc.args {
			if w.Args[i] != tc.args[i] {
				t.Errorf("renderTS(%q) args = %v, want %v", tc.in, w.Args, tc.args)
			}
		}
	}
}
