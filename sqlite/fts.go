package sqlite

import (
	"strings"

	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// renderFTS writes q in FTS5 syntax. Every word reaches FTS5 as a quoted
// string, so no user input is ever read by FTS5 as syntax. FTS5's NOT is binary ("a NOT b"), so
// negated parts of an AND are subtracted from its positive parts; the
// parser guarantees there is at least one.
func renderFTS(q *sqlstore.Query) string {
	switch q.Op {
	case sqlstore.Term:
		s := `"` + strings.ReplaceAll(q.Text, `"`, `""`) + `"`
		if q.Prefix {
			s += " *"
		}
		return s
	case sqlstore.Or:
		parts := make([]string, len(q.Kids))
		for i, k := range q.Kids {
			parts[i] = "(" + renderFTS(k) + ")"
		}
		return strings.Join(parts, " OR ")
	}
	var pos, neg []string
	for _, k := range q.Kids {
		if k.Op == sqlstore.Not {
			neg = append(neg, "("+renderFTS(k.Kids[0])+")")
		} else {
			pos = append(pos, "("+renderFTS(k)+")")
		}
	}
	s := "(" + strings.Join(pos, " AND ") + ")"
	for _, x := range neg {
		s += " NOT " + x
	}
	return s
}
