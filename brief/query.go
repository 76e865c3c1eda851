// Package brief keeps pulses and their living briefings: it decides which
// articles and deals belong to a pulse (a small query language), groups them
// into storylines, writes a source-cited briefing from them, versions it and
// renders it as text, Markdown, HTML or JSON.
package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fundingpulse/pulse"
)

// maxQueryLen bounds keyword expressions so a hostile pulses file cannot make
// the parser recurse without limit.
const (
	maxQueryLen   = 4096
	maxQueryDepth = 64
)

// tokKind is the kind of a lexical token of a keyword expression.
type tokKind int

const (
	tokWord tokKind = iota
	tokPhrase
	tokAnd
	tokOr
	tokNot
	tokLParen
	tokRParen
	tokEOF
)

type token struct {
	kind tokKind
	text string
	pos  int // byte offset in the expression, for error messages
}

// lex splits a keyword expression. Operators are recognised only in upper
// case so that "and" or "or" can still be searched for as words.
func lex(s string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case r == '(':
			toks = append(toks, token{tokLParen, "(", i})
			i += n
		case r == ')':
			toks = append(toks, token{tokRParen, ")", i})
			i += n
		case r == '"':
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, pulse.Errorf(pulse.EINVALID, "keywords: unterminated quote at position %d", i+1)
			}
			toks = append(toks, token{tokPhrase, s[i+1 : i+1+end], i})
			i += end + 2
		default:
			start := i
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' {
					break
				}
				i += n
			}
			w := s[start:i]
			k := tokWord
			switch w {
			case "AND":
				k = tokAnd
			case "OR":
				k = tokOr
			case "NOT":
				k = tokNot
			}
			toks = append(toks, token{k, w, start})
		}
	}
	return append(toks, token{tokEOF, "", len(s)}), nil
}

// node is a parsed keyword expression.
type node interface {
	eval(d *doc) bool
}

type andNode struct{ l, r node }
type orNode struct{ l, r node }
type notNode struct{ x node }

// termNode is a word or phrase: a sequence of words that must appear
// consecutively; a word ending in * matches any word it begins.
type termNode struct{ words []termWord }

type termWord struct {
	w      string
	prefix bool
}

func (n andNode) eval(d *doc) bool { return n.l.eval(d) && n.r.eval(d) }
func (n orNode) eval(d *doc) bool  { return n.l.eval(d) || n.r.eval(d) }
func (n notNode) eval(d *doc) bool { return !n.x.eval(d) }
func (n termNode) eval(d *doc) bool {
	return d.has(n.words)
}

type parser struct {
	toks  []token
	i     int
	depth int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

// parseKeywords parses a keyword expression; nil means "match everything".
func parseKeywords(s string) (node, error) {
	if len(s) > maxQueryLen {
		return nil, pulse.Errorf(pulse.EINVALID, "keywords: expression longer than %d bytes", maxQueryLen)
	}
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	if len(toks) == 1 {
		return nil, nil
	}
	p := &parser{toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, pulse.Errorf(pulse.EINVALID, "keywords: unexpected %q at position %d", t.text, t.pos+1)
	}
	return n, nil
}

func (p *parser) or() (node, error) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tokOr {
		p.next()
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = orNode{l, r}
	}
	return l, nil
}

// and parses explicit AND and juxtaposition, which binds the same way.
func (p *parser) and() (node, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		switch p.peek().kind {
		case tokAnd:
			p.next()
		case tokWord, tokPhrase, tokNot, tokLParen:
		default:
			return l, nil
		}
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = andNode{l, r}
	}
}

func (p *parser) unary() (node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxQueryDepth {
		return nil, pulse.Errorf(pulse.EINVALID, "keywords: nested deeper than %d at position %d", maxQueryDepth, p.peek().pos+1)
	}
	t := p.next()
	switch t.kind {
	case tokNot:
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return notNode{x}, nil
	case tokLParen:
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tokRParen {
			return nil, pulse.Errorf(pulse.EINVALID, "keywords: missing ) for ( at position %d", t.pos+1)
		}
		return x, nil
	case tokWord, tokPhrase:
		words := termWords(t.text)
		if len(words) == 0 {
			return nil, pulse.Errorf(pulse.EINVALID, "keywords: %q at position %d has no letters or digits", t.text, t.pos+1)
		}
		return termNode{words}, nil
	case tokEOF:
		return nil, pulse.Errorf(pulse.EINVALID, "keywords: expression ends where a word was expected (position %d)", t.pos+1)
	default:
		return nil, pulse.Errorf(pulse.EINVALID, "keywords: unexpected %q at position %d", t.text, t.pos+1)
	}
}

// termWords tokenises a query word or phrase like document text, so
// "data-center" in a query matches "data center" and "data-center" alike. A
// trailing * on a word makes it a prefix.
func termWords(s string) []termWord {
	var out []termWord
	for _, f := range strings.Fields(s) {
		prefix := strings.HasSuffix(f, "*")
		ws := words(strings.TrimRight(f, "*"))
		for i, w := range ws {
			out = append(out, termWord{w: w, prefix: prefix && i == len(ws)-1})
		}
	}
	return out
}

// words splits text into lower-case words of letters and digits; an
// apostrophe inside a word is dropped so "Nvidia's" is one word "nvidias"
// and also matched by "nvidia*".
func words(s string) []string {
	var out []string
	var w []byte
	flush := func() {
		if len(w) > 0 {
			out = append(out, string(w))
			w = w[:0]
		}
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			w = append(w, byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			w = append(w, byte(r+'a'-'A'))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w = utf8.AppendRune(w, unicode.ToLower(r))
		case (r == '\'' || r == '’') && len(w) > 0:
		default:
			flush()
		}
	}
	flush()
	return out
}

// doc is text prepared for keyword evaluation. A linear scan beats an
// index here: queries have tens of terms and building a map per article
// costs more than scanning its words a few times.
type doc struct {
	words []string // "" separates the parts a doc was built from
}

func newDoc(parts ...string) *doc {
	d := &doc{}
	for _, p := range parts {
		d.words = append(d.words, words(p)...)
		// A boundary between parts keeps phrases from spanning two fields.
		d.words = append(d.words, "")
	}
	return d
}

func (t termWord) matches(w string) bool {
	if t.prefix {
		return w != "" && strings.HasPrefix(w, t.w)
	}
	return w == t.w
}

// has reports whether the words occur consecutively in d.
func (d *doc) has(ws []termWord) bool {
	first := ws[0]
	for s, w := range d.words {
		if first.matches(w) && d.hasAt(s, ws) {
			return true
		}
	}
	return false
}

// hasAt reports whether the words occur consecutively from position s.
func (d *doc) hasAt(s int, ws []termWord) bool {
	if s+len(ws) > len(d.words) {
		return false
	}
	for j, w := range ws {
		if !w.matches(d.words[s+j]) {
			return false
		}
	}
	return true
}
