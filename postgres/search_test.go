package postgres

import (
	"testing"

	"github.com/fundingpulse/pulse"
)

func TestTSQuery(t *testing.T) {
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
		var w where
		got, err := tsQuery(tc.in, &w)
		if pulse.ErrorCode(err) != tc.code {
			t.Errorf("tsQuery(%q) error = %v, want code %q", tc.in, err, tc.code)
			continue
		}
		if got != tc.want || (tc.code == "" && len(w.args) != len(tc.args)) {
			t.Errorf("tsQuery(%q) = %s %v, want %s %v", tc.in, got, w.args, tc.want, tc.args)
			continue
		}
		for i := range tc.args {
			if w.args[i] != tc.args[i] {
				t.Errorf("tsQuery(%q) args = %v, want %v", tc.in, w.args, tc.args)
			}
		}
	}
}
