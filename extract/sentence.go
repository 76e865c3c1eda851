package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"inc": true, "ltd": true, "corp": true, "co": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
	"jr": true, "sr": true, "no": true, "vs": true, "approx": true, "bros": true, "est": true, "dept": true, "gov": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true, "e.g": true, "i.e": true, "etc": true, "mio": true,
	"mrd": true, "bzw": true, "ca": true, "u.a": true, "z.b": true, "nr": true, "av": true, "cf": true, "fig": true,
	"s.a": true, "n.v": true, "b.v": true, "p.m": true, "a.m": true, "rs": true, "sfr": true, "mln": true, "vol": true,
}

// Sentences splits text into sentences: a line break always ends one (news
// text puts headlines, bullets and datelines on their own lines), and ".",
// "!", "?" or "。" end one when followed by space and an upper-case letter,
// digit, quote or bracket, unless the dot ends a known abbreviation, an
// initial or a number. Spans exclude surrounding space and bullet marks.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		if s < e {
			out = append(out, Span{s, e})
		}
	}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			emit(i)
			start = i + w
		case r == '。' || r == '！' || r == '？':
			emit(i + w)
			start = i + w
		case r == '.' || r == '!' || r == '?':
			j := i + w
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !strings.ContainsRune(".!?\"”’')»", r2) {
					break
				}
				j += w2
			}
			if j < len(text) && (text[j] == ' ' || text[j] == '\t') && r != '.' || (r == '.' && endsSentence(text, i, j)) {
				emit(j)
				start = j
				i = j
				continue
			}
		}
		i += w
	}
	emit(len(text))
	return out
}

// endsSentence decides whether the dot at i (with closing marks up to j)
// ends a sentence.
func endsSentence(text string, i, j int) bool {
	if j >= len(text) || (text[j] != ' ' && text[j] != '\t') {
		return false
	}
	k := j
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“‘'([•*-", next) || next > 0x2000) {
		return false
	}
	// The word before the dot.
	b := i
	for b > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:b])
		if unicode.IsLetter(r) || r == '.' {
			b -= w
			continue
		}
		break
	}
	word := strings.ToLower(text[b:i])
	if abbreviations[word] {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(text[b:])
		before, _ := utf8.DecodeLastRuneInString(text[:b])
		if unicode.IsUpper(r) && !unicode.IsDigit(before) {
			return false // an initial: "J. Smith"
		}
	}
	return true
}

// trimSpan shrinks [s, e) past white space and list bullets.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, w := utf8.DecodeRuneInString(text[s:e])
		if unicode.IsSpace(r) || r == '•' || r == '·' || r == '*' || r == '▪' || r == '►' || r == '●' || r == '-' && s+w < e && text[s+w] == ' ' {
			s += w
			continue
		}
		break
	}
	// List numbering: "5) ", "12. ".
	if n := s; n < e && text[n] >= '0' && text[n] <= '9' {
		for n < e && n-s < 2 && text[n] >= '0' && text[n] <= '9' {
			n++
		}
		if n+1 < e && (text[n] == ')' || text[n] == '.') && text[n+1] == ' ' {
			s = n + 2
		}
	}
	for e > s {
		r, w := utf8.DecodeLastRuneInString(text[s:e])
		if unicode.IsSpace(r) {
			e -= w
			continue
		}
		break
	}
	return s, e
}
