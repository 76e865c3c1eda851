package postgres

import (
	"strings"

	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// renderTS writes q as tsquery operators over per-term parameters added
// through w. Each word or phrase becomes its own phraseto_tsquery
// parameter, so no user input is ever read as tsquery syntax.
// websearch_to_tsquery alone would read "AND" as a word and ignore
// parentheses.
func renderTS(q *sqlstore.Query, w *sqlstore.Where) string {
	switch q.Op {
	case sqlstore.Term:
		return renderTerm(q, w)
	case sqlstore.Not:
		return "!!" + renderTS(q.Kids[0], w)
	}
	op := " && "
	if q.Op == sqlstore.Or {
		op = " || "
	}
	parts := make([]string, len(q.Kids))
	for i, k := range q.Kids {
		parts[i] = renderTS(k, w)
	}
	return "(" + strings.Join(parts, op) + ")"
}

// renderTerm matches a word or phrase; with a prefix, its last word is
// matched as a prefix (":*"), which is safe to pass to to_tsquery because
// it holds only letters and digits.
func renderTerm(q *sqlstore.Query, w *sqlstore.Where) string {
	text := searchFold(q.Text)
	if !q.Prefix {
		return "phraseto_tsquery('simple', " + w.Arg(text) + ")"
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return !sqlstore.IsWordChar(r) })
	if len(words) == 1 {
		return "to_tsquery('simple', " + w.Arg(words[0]+":*") + ")"
	}
	head := "phraseto_tsquery('simple', " + w.Arg(strings.Join(words[:len(words)-1], " ")) + ")"
	return "tsquery_phrase(" + head + ", to_tsquery('simple', " + w.Arg(words[len(words)-1]+":*") + "))"
}
