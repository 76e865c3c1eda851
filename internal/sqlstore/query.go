package sqlstore

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fundingpulse/pulse"
)

// Search syntax, shared by articles and deals in both stores: words,
// "quoted phrases", a trailing * for a prefix, AND (or juxtaposition), OR,
// NOT or a leading "-", and parentheses. ParseQuery turns it into a tree
// that each store renders in its own full-text syntax, passing every word
// as data so that no user input is ever read as syntax. Structural mistakes
// (a stray ")", a query that only excludes) are EINVALID here, so both
// stores reject the same queries.

const (
	maxQueryLen   = 1000
	maxQueryDepth = 16
)

// Op is the kind of a Query node.
type Op int

// The kinds of Query node.
const (
	Term Op = iota // a word or phrase: Text, Prefix
	And            // every kid matches
	Or             // some kid matches
	Not            // Kids[0] does not match; only ever a kid of an And that has a kid that is not a Not
)

// Query is a parsed search.
type Query struct {
	Op     Op
	Text   string // of a Term: the word or phrase, with at least one letter or digit
	Prefix bool   // of a Term: its last word matches as a prefix
	Kids   []*Query
}

var errOnlyNot = pulse.Errorf(pulse.EINVALID, "a search needs at least one word that is not excluded")

// ParseQuery parses a user's search string.
func ParseQuery(s string) (*Query, error) {
	if len(s) > maxQueryLen {
		return nil, pulse.Errorf(pulse.EINVALID, "search query is longer than %d bytes", maxQueryLen)
	}
	// NUL is a separator: FTS5 ends a quoted string at it and PostgreSQL
	// text cannot hold it.
	s = strings.ReplaceAll(strings.ToValidUTF8(s, " "), "\x00", " ")
	p := &parser{toks: lex(s)}
	q, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, pulse.Errorf(pulse.EINVALID, `search query has an unmatched ")"`)
	}
	if q == nil {
		return nil, pulse.Errorf(pulse.EINVALID, "search query has no words")
	}
	if err := checkNot(q); err != nil {
		return nil, err
	}
	return q, nil
}

// checkNot rejects a Not anywhere but beside something positive in an And:
// neither full-text engine can list every row that lacks a word, and FTS5's
// NOT is binary ("a NOT b").
func checkNot(q *Query) error {
	switch q.Op {
	case Term:
		return nil
	case Not:
		return errOnlyNot
	case Or:
		for _, k := range q.Kids {
			if err := checkNot(k); err != nil {
				return err
			}
		}
		return nil
	}
	positive := false
	for _, k := range q.Kids {
		if k.Op == Not {
			k = k.Kids[0]
		} else {
			positive = true
		}
		if err := checkNot(k); err != nil {
			return err
		}
	}
	if !positive {
		return errOnlyNot
	}
	return nil
}

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

func lex(q string) []token {
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

// hasWordChar reports whether s has something the tokenizers index;
// terms of punctuation only would match nothing.
func hasWordChar(s string) bool {
	return strings.IndexFunc(s, IsWordChar) >= 0
}

// IsWordChar reports whether r is part of a word for full-text search.
func IsWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() (tokKind, bool) {
	if p.pos >= len(p.toks) {
		return 0, false
	}
	return p.toks[p.pos].kind, true
}

func (p *parser) or(depth int) (*Query, error) {
	if depth > maxQueryDepth {
		return nil, pulse.Errorf(pulse.EINVALID, "search query is nested too deeply")
	}
	var kids []*Query
	for {
		q, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		if q != nil {
			kids = append(kids, q)
		}
		if k, ok := p.peek(); !ok || k != tokOr {
			break
		}
		p.pos++
	}
	return group(Or, kids), nil
}

func (p *parser) and(depth int) (*Query, error) {
	var kids []*Query
	for {
		k, ok := p.peek()
		if !ok || k == tokOr || k == tokClose {
			break
		}
		if k == tokAnd {
			p.pos++
			continue
		}
		q, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		if q != nil {
			kids = append(kids, q)
		}
	}
	return group(And, kids), nil
}

// group is op over kids, the kid itself when there is one, nil for none.
func group(op Op, kids []*Query) *Query {
	switch len(kids) {
	case 0:
		return nil
	case 1:
		return kids[0]
	}
	return &Query{Op: op, Kids: kids}
}

func (p *parser) unary(depth int) (*Query, error) {
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case tokNot:
		if k, ok := p.peek(); !ok || k == tokOr || k == tokClose || k == tokAnd {
			return nil, pulse.Errorf(pulse.EINVALID, "NOT must be followed by a word or a group")
		}
		q, err := p.unary(depth + 1)
		if err != nil || q == nil {
			return nil, err
		}
		if q.Op == Not { // NOT NOT x is x
			return q.Kids[0], nil
		}
		return &Query{Op: Not, Kids: []*Query{q}}, nil
	case tokOpen:
		q, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if k, ok := p.peek(); ok && k == tokClose {
			p.pos++
		} // a missing ")" at the end closes the group
		return q, nil
	default:
		return &Query{Op: Term, Text: t.text, Prefix: t.prefix}, nil
	}
}
