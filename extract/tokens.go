package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fundingpulse/pulse/extract/money"
	"github.com/fundingpulse/pulse/geo"
)

// token is one word or punctuation mark of a sentence.
type token struct {
	start, end int    // byte offsets in the document
	text       string // as written
	lower      string
	word       bool // letters or digits (else punctuation)
	name       bool // could be part of an organisation or person name
	money      int  // index+1 of the money match covering it, 0 if none
}

// tokenize splits text[s:e] into tokens. Word-internal ".", "-", "–", "'",
// "’", "&", "/" and "+" keep "Origin.Bio", "PI-Labs", "FLOSS/fund" whole.
func tokenize(text string, s, e int) []token {
	var toks []token
	for i := s; i < e; {
		r, w := utf8.DecodeRuneInString(text[i:e])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, token{start: i, end: i + w, text: text[i : i+w], lower: text[i : i+w]})
			i += w
			continue
		}
		j := i + w
		for j < e {
			r2, w2 := utf8.DecodeRuneInString(text[j:e])
			if isWordRune(r2) {
				j += w2
				continue
			}
			if strings.ContainsRune(".-–'’&/+", r2) && j+w2 < e {
				r3, _ := utf8.DecodeRuneInString(text[j+w2 : e])
				if isWordRune(r3) {
					j += w2
					continue
				}
			}
			break
		}
		if j < e && text[j] == '.' && legalAbbrev[strings.ToLower(text[i:j])] {
			j++ // "Inc." keeps its dot
		}
		t := token{start: i, end: j, text: text[i:j], word: true}
		t.lower = strings.ToLower(t.text)
		toks = append(toks, t)
		i = j
	}
	for k := range toks {
		toks[k].name = toks[k].word && nameLike(toks[k].text)
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// legalAbbrev are company-form abbreviations written with a dot.
var legalAbbrev = map[string]bool{"inc": true, "corp": true, "ltd": true, "co": true, "bros": true, "pvt": true, "pty": true}

// nameLike reports whether a word could belong to a name: it starts with an
// upper-case letter, has an upper-case letter inside ("eLichens",
// "iZettle"), or is digits followed by a capitalised word ("4FO").
func nameLike(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(first) {
		return true
	}
	if unicode.Is(unicode.Han, first) || unicode.Is(unicode.Hiragana, first) || unicode.Is(unicode.Katakana, first) {
		return false
	}
	letters, upper, digitsFirst := 0, 0, unicode.IsDigit(first)
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if digitsFirst {
		return letters >= 2 && upper >= 1
	}
	return upper >= 1 && letters >= 3
}

// run is a maximal sequence of name tokens: a candidate name.
type run struct {
	i, j int // token range [i, j)
}

// nameConnectors may join two capitalised words inside a name.
var nameConnectors = map[string]bool{"of": true, "de": true, "du": true, "des": true, "der": true, "von": true, "van": true, "del": true, "di": true, "&": true, "and": false, "für": true, "für die": false, "y": false}

// runs returns the candidate names among toks, with leading stop words
// ("The", "Today") dropped.
// innerNameWords are capitalised deal words that may stand inside an
// investor's name, before the word that ends it.
var innerNameWords = set(`seed startup start-up startups venture`)

// orgWord reports a capitalised word that continues an organisation's name
// even where it is also a deal word: "QED Investors", "Earlybird Venture
// Capital", "Natixis Corporate & Investment Banking".
func orgWord(t token) bool {
	return t.money == 0 && t.text != t.lower && orgWords[t.lower]
}

var orgWords = set(`investors investment investments venture capital banking bank group holdings partners fund funds ventures
asset management equity credit invest`)

// orgEnds end investor names: "Saguaro Seed Fund".
var orgEnds = set(`fund funds fonds capital ventures partners club network foundation programme program accelerator`)

func runs(toks []token) []run {
	var out []run
	for i := 0; i < len(toks); {
		if (!toks[i].name || toks[i].money > 0) && !numberedName(toks, i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			t := toks[j]
			if t.name && t.money == 0 && !capStop[t.lower] || orgWord(t) && !(j == i+1 && isPlaceName(toks[i].text)) {
				j++
				continue
			}
			if innerNameWords[t.lower] && t.text != t.lower && j+1 < len(toks) && toks[j+1].name && orgEnds[toks[j+1].lower] {
				j++ // "Saguaro Seed Fund", "India Semiconductor Startup Fund"
				continue
			}
			if len(t.text) == 1 && t.text[0] >= 'A' && t.text[0] <= 'Z' && t.money == 0 {
				j++ // "Project A", "Studio B"
				continue
			}
			if (nameConnectors[t.lower] || t.text == "&") && j+1 < len(toks) && (toks[j+1].name && toks[j+1].money == 0 && !capStop[toks[j+1].lower] || orgWord(toks[j+1])) {
				j += 2
				continue
			}
			break
		}
		a := i
		for a < j && (capStop[toks[a].lower] || generic[toks[a].lower] || numberWords[toks[a].lower] > 0 && countingWord(toks, a, j) || a+1 < j && placeAdjective(toks[a].text)) {
			a++
		}
		// Trailing generic words ("Mono CEO") are not part of the name.
		b := j
		for b > a && (capStop[toks[b-1].lower] && len(toks[b-1].text) > 1 && !(b-1 > a && orgWord(toks[b-1])) || titles[toks[b-1].lower]) {
			b--
		}
		if a < b {
			out = append(out, run{a, b})
		}
		i = j
	}
	return out
}

// countingWord reports a number word that counts what follows ("Two Irish
// start-ups") rather than opening a name ("Three Rivers Fund").
func countingWord(toks []token, a, j int) bool {
	if a+1 >= j {
		return true
	}
	n := toks[a+1]
	return capStop[n.lower] || generic[n.lower] || isPlaceName(n.text) || placeAdjective(n.text)
}

// placeAdjectiveEndings turn a place into an adjective in the languages
// the news comes in: "Amsterdamse", "Berliner", "Parisienne".
var placeAdjectiveEndings = []string{"ische", "ischen", "isches", "ienne", "aise", "ese", "ian", "se", "er", "s"}

// placeAdjective reports a capitalised adjective made from a known place,
// which opens a run without belonging to the name.
func placeAdjective(w string) bool {
	for _, e := range placeAdjectiveEndings {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			if p, ok := geo.Lookup(w[:len(w)-len(e)]); ok && p.Name != "" {
				return true
			}
		}
	}
	return false
}

// numberedName reports a name that starts with a number: "360 Capital
// Partners", "500 Startups" (not a year, not an amount).
func numberedName(toks []token, i int) bool {
	t := toks[i]
	if t.money > 0 || len(t.text) > 4 || i+1 >= len(toks) || !toks[i+1].name || capStop[toks[i+1].lower] || toks[i+1].money > 0 {
		return false
	}
	for _, c := range t.text {
		if c < '0' || c > '9' {
			return false
		}
	}
	return !(len(t.text) == 4 && (t.text[0] == '1' || t.text[0] == '2'))
}

// runText returns the name a run spells, as written in the text.
func runText(text string, toks []token, r run) string {
	s := text[toks[r.i].start:toks[r.j-1].end]
	for _, suf := range []string{"'s", "’s"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

// numberWords open a run without belonging to the name: "Two Irish
// start-ups".
var numberWords = money.NumberWords
