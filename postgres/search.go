package postgres

import (
	"strings"

	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// tsQuery translates a user's search string into a tsquery SQL expression
// whose parameters are added through w. Each word or phrase becomes its own
// phraseto_tsquery parameter, combined with tsquery operators, so no user
// input is ever read as tsquery syntax. websearch_to_tsquery alone would
// read "AND" as a word and ignore parentheses.
func tsQuery(s string, w *where) (string, error) {
	q, err := sqlstore.ParseQuery(s)
	if err != nil {
		return "", err
	}
	return renderTS(q, w), nil
}

// renderTS writes q as tsquery operators over per-term parameters.
func renderTS(q *sqlstore.Query, w *where) string {
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
func renderTerm(q *sqlstore.Query, w *where) string {
	text := searchFold(q.Text)
	if !q.Prefix {
		return "phraseto_tsquery('simple', " + w.arg(text) + ")"
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return !sqlstore.IsWordChar(r) })
	if len(words) == 1 {
		return "to_tsquery('simple', " + w.arg(words[0]+":*") + ")"
	}
	head := "phraseto_tsquery('simple', " + w.arg(strings.Join(words[:len(words)-1], " ")) + ")"
	return "tsquery_phrase(" + head + ", to_tsquery('simple', " + w.arg(words[len(words)-1]+":*") + "))"
}
