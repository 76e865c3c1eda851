package postgres

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fundingpulse/pulse"
)

// Search syntax, the same as the SQLite store's: words, "quoted phrases", a
// trailing * for a prefix, AND (or juxtaposition), OR, NOT or a leading "-",
// and parentheses. Each word or phrase becomes its own phraseto_tsquery
// parameter, combined with tsquery operators, so no user input is ever read
// as tsquery syntax; structural mistakes (a stray ")", a query that only
// excludes) are EINVALID. websearch_to_tsquery alone would read "AND" as a
// word and ignore parentheses.

const (
	maxQueryLen   = 1000
	maxQueryDepth = 16
)

type tokKind int

const (
	tokTerm tokKind = iota
	tokAnd
	tokOr
	tokNot
	tokOpen
	tokClose
)

type token struct {
	kind   tokKind
	text   string
	prefix bool
}

// ftsNode is a parsed query: a term, AND or OR over kids, or NOT of kids[0].
type ftsNode struct {
	op     tokKind
	text   string
	prefix bool
	kids   []*ftsNode
}

// tsQuery translates a user's search string into a tsquery SQL expression
// whose parameters are added through w.
func tsQuery(q string, w *where) (string, error) {
	if len(q) > maxQueryLen {
		return "", pulse.Errorf(pulse.EINVALID, "search query is longer than %d bytes", maxQueryLen)
	}
	q = strings.ReplaceAll(strings.ToValidUTF8(q, " "), "\x00", " ")
	p := &ftsParser{toks: lexQuery(q)}
	n, err := p.or(0)
	if err != nil {
		return "", err
	}
	if p.pos < len(p.toks) {
		return "", pulse.Errorf(pulse.EINVALID, `search query has an unmatched ")"`)
	}
	if n == nil {
		return "", pulse.Errorf(pulse.EINVALID, "search query has no words")
	}
	return render(n, w)
}

func lexQuery(q string) []token {
	var toks []token
	for i := 0; i < len(q); {
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r == '(':
			toks = append(toks, token{kind: tokOpen})
			i++
		case r == ')':
			toks = append(toks, token{kind: tokClose})
			i++
		case r == '"':
			// An unterminated phrase runs to the end of the query.
			rest := q[i+1:]
			end := strings.IndexByte(rest, '"')
			if end < 0 {
				end = len(rest)
				i = len(q)
			} else {
				i += end + 2
			}
			phrase := rest[:end]
			prefix := false
			if i < len(q) && q[i] == '*' {
				prefix = true
				i++
			}
			if hasWordChar(phrase) {
				toks = append(toks, token{kind: tokTerm, text: phrase, prefix: prefix})
			}
		default:
			j := i
			for j < len(q) {
				r, size := utf8.DecodeRuneInString(q[j:])
				if unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' {
					break
				}
				j += size
			}
			word := q[i:j]
			i = j
			switch word {
			case "AND":
				toks = append(toks, token{kind: tokAnd})
				continue
			case "OR":
				toks = append(toks, token{kind: tokOr})
				continue
			case "NOT":
				toks = append(toks, token{kind: tokNot})
				continue
			}
			if len(word) > 1 && word[0] == '-' {
				toks = append(toks, token{kind: tokNot})
				word = word[1:]
			}
			prefix := strings.HasSuffix(word, "*")
			word = strings.TrimRight(word, "*")
			if hasWordChar(word) {
				toks = append(toks, token{kind: tokTerm, text: word, prefix: prefix})
			}
		}
	}
	return toks
}

// hasWordChar reports whether s has something the tokenizer indexes;
// terms of punctuation only would match nothing.
func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

type ftsParser struct {
	toks []token
	pos  int
}

func (p *ftsParser) peek() (tokKind, bool) {
	if p.pos >= len(p.toks) {
		return 0, false
	}
	return p.toks[p.pos].kind, true
}

func (p *ftsParser) or(depth int) (*ftsNode, error) {
	if depth > maxQueryDepth {
		return nil, pulse.Errorf(pulse.EINVALID, "search query is nested too deeply")
	}
	var kids []*ftsNode
	for {
		n, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		if n != nil {
			kids = append(kids, n)
		}
		if k, ok := p.peek(); !ok || k != tokOr {
			break
		}
		p.pos++
	}
	switch len(kids) {
	case 0:
		return nil, nil
	case 1:
		return kids[0], nil
	}
	return &ftsNode{op: tokOr, kids: kids}, nil
}

func (p *ftsParser) and(depth int) (*ftsNode, error) {
	var kids []*ftsNode
	for {
		k, ok := p.peek()
		if !ok || k == tokOr || k == tokClose {
			break
		}
		if k == tokAnd {
			p.pos++
			continue
		}
		n, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		if n != nil {
			kids = append(kids, n)
		}
	}
	switch len(kids) {
	case 0:
		return nil, nil
	case 1:
		return kids[0], nil
	}
	return &ftsNode{op: tokAnd, kids: kids}, nil
}

func (p *ftsParser) unary(depth int) (*ftsNode, error) {
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case tokNot:
		if k, ok := p.peek(); !ok || k == tokOr || k == tokClose || k == tokAnd {
			return nil, pulse.Errorf(pulse.EINVALID, "NOT must be followed by a word or a group")
		}
		n, err := p.unary(depth + 1)
		if err != nil || n == nil {
			return nil, err
		}
		if n.op == tokNot { // NOT NOT x is x
			return n.kids[0], nil
		}
		return &ftsNode{op: tokNot, kids: []*ftsNode{n}}, nil
	case tokOpen:
		n, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if k, ok := p.peek(); ok && k == tokClose {
			p.pos++
		} // a missing ")" at the end closes the group
		return n, nil
	default:
		return &ftsNode{op: tokTerm, text: t.text, prefix: t.prefix}, nil
	}
}

var errOnlyNot = pulse.Errorf(pulse.EINVALID, "a search needs at least one word that is not excluded")

// render writes n as tsquery operators over per-term parameters.
func render(n *ftsNode, w *where) (string, error) {
	switch n.op {
	case tokTerm:
		return renderTerm(n, w), nil
	case tokNot:
		return "", errOnlyNot
	case tokOr:
		parts := make([]string, len(n.kids))
		for i, k := range n.kids {
			s, err := render(k, w)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "(" + strings.Join(parts, " || ") + ")", nil
	}
	var parts []string
	positive := false
	for _, k := range n.kids {
		if k.op == tokNot {
			s, err := render(k.kids[0], w)
			if err != nil {
				return "", err
			}
			parts = append(parts, "!!"+s)
			continue
		}
		s, err := render(k, w)
		if err != nil {
			return "", err
		}
		parts, positive = append(parts, s), true
	}
	if !positive {
		return "", errOnlyNot
	}
	return "(" + strings.Join(parts, " && ") + ")", nil
}

// renderTerm matches a word or phrase; with a prefix, its last word is
// matched as a prefix (":*"), which is safe to pass to to_tsquery because
// it holds only letters and digits.
func renderTerm(n *ftsNode, w *where) string {
	text := searchFold(n.text)
	if !n.prefix {
		return "phraseto_tsquery('simple', " + w.arg(text) + ")"
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 1 {
		return "to_tsquery('simple', " + w.arg(words[0]+":*") + ")"
	}
	head := "phraseto_tsquery('simple', " + w.arg(strings.Join(words[:len(words)-1], " ")) + ")"
	return "tsquery_phrase(" + head + ", to_tsquery('simple', " + w.arg(words[len(words)-1]+":*") + "))"
}
