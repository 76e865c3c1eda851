package article

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"math/bits"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// ContentHash returns the sha256 (hex) of text with case and whitespace
// normalised, so re-fetches that only re-wrap lines hash the same.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(foldSpace(text)))
	return hex.EncodeToString(sum[:])
}

// foldSpace lower-cases s and collapses every run of whitespace to a space.
func foldSpace(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// IdentityHash returns the stable identity of an article for idempotent
// writes, from the first of these that is present: the feed's GUID, else
// the canonical URL, else the title and text. Each is prefixed with its kind
// so a GUID that happens to equal a URL elsewhere does not collide with it.
// GUIDs are not scoped to a feed: some feeds use bare post numbers, so a
// store should make the hash unique per source, not globally.
func IdentityHash(guid, canonicalURL, title, text string) string {
	var key string
	switch {
	case strings.TrimSpace(guid) != "":
		key = "guid\x00" + strings.TrimSpace(guid)
	case strings.TrimSpace(canonicalURL) != "":
		key = "url\x00" + CanonicalURL(canonicalURL)
	default:
		key = "text\x00" + foldSpace(title) + "\x00" + foldSpace(text)
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// words splits text into lower-case words of letters and digits; "$1.5"
// becomes "1", "5", which is fine for similarity.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// shingleSize is the number of consecutive words hashed together: three
// words rarely match by chance, yet light rewording still leaves overlap.
const shingleSize = 3

// SimHash returns a 64-bit SimHash of text over word 3-shingles: texts that
// share most of their shingles get hashes a few bits apart.
func SimHash(text string) uint64 {
	ws := words(text)
	if len(ws) == 0 {
		return 0
	}
	var v [64]int
	add := func(shingle []string) {
		h := fnv.New64a()
		for i, w := range shingle {
			if i > 0 {
				h.Write([]byte{' '})
			}
			h.Write([]byte(w))
		}
		x := h.Sum64()
		for i := range 64 {
			if x&(1<<i) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	if len(ws) < shingleSize {
		add(ws)
	}
	for i := 0; i+shingleSize <= len(ws); i++ {
		add(ws[i : i+shingleSize])
	}
	var out uint64
	for i, c := range v {
		if c > 0 {
			out |= 1 << i
		}
	}
	return out
}

// Near-duplicate thresholds, calibrated on the pairs in hash_test.go: the
// same story retold by two outlets, a syndicated copy with an edit, and
// different funding stories written from one template or about one company.
// Retold stories share few exact 3-word shingles (Hamming distance 15-25
// of 64, close to unrelated texts at 23-33), so the text alone cannot tell
// them from template twins; headlines can, once the words every funding
// headline uses are ignored:
//   - texts within nearTextBits bits are the same text, whatever the titles;
//   - otherwise, titles naming money amounts that share none are different
//     deals;
//   - otherwise, texts within closeTextBits with titles sharing closeTitle
//     of their distinctive words, or within looseTextBits sharing
//     looseTitle, are the same story.
const (
	nearTextBits  = 6
	closeTextBits = 18
	closeTitle    = 0.3
	looseTextBits = 26
	looseTitle    = 0.4
)

// NearDuplicate reports whether two articles tell the same story, from their
// text SimHashes and titles.
func NearDuplicate(aHash, bHash uint64, aTitle, bTitle string) bool {
	d := bits.OnesCount64(aHash ^ bHash)
	if d <= nearTextBits {
		return true
	}
	a, b := headline(aTitle), headline(bTitle)
	if len(a.amounts) > 0 && len(b.amounts) > 0 && overlap(a.amounts, b.amounts) == 0 {
		return false
	}
	j := jaccard(a.words, b.words)
	return (d <= closeTextBits && j >= closeTitle) || (d <= looseTextBits && j >= looseTitle)
}

// TitleSimilarity returns the Jaccard index of the distinctive words of two
// headlines (names, places, amounts; not "raises", "million", "the"), 0 when
// either has none.
func TitleSimilarity(a, b string) float64 {
	return jaccard(headline(a).words, headline(b).words)
}

// headlineStopwords are words any funding headline may use: sharing them
// says nothing about sharing a story.
var headlineStopwords = set("a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by",
	"at", "as", "from", "its", "is", "it", "into", "new", "after", "over", "than", "be", "will", "says", "said",
	"raise", "raises", "raised", "raising", "land", "lands", "landed", "close", "closes", "closed",
	"secure", "secures", "secured", "bag", "bags", "nab", "nabs", "get", "gets", "announce", "announces",
	"led", "lead", "leads", "back", "backs", "backed", "invest", "invests", "investment", "investor", "investors",
	"fund", "funds", "funding", "round", "seed", "series", "deal", "startup", "company", "firm",
	"million", "billion", "mn", "bn", "usd", "eur", "gbp", "valuation", "valued", "stake", "acquire", "acquires",
	"buy", "buys", "plan", "plans", "amid", "up", "us")

// moneyInTitle matches amounts such as "$120 million", "$120M", "€1.5bn",
// "US$ 2 billion" and "120 million".
var moneyInTitle = regexp.MustCompile(`(?i)(?:(?:us|a|c|hk|s)?[$€£¥]|usd|eur|gbp)?\s?(\d+(?:[.,]\d+)?)\s?(k|thousand|m|mn|mln|million|b|bn|billion)\b|(?:(?:us|a|c|hk|s)?[$€£¥])\s?(\d+(?:[.,]\d+)?)`)

type headlineWords struct {
	words   map[string]bool
	amounts map[string]bool // normalised, e.g. "120000000"
}

func headline(title string) headlineWords {
	h := headlineWords{words: map[string]bool{}, amounts: map[string]bool{}}
	rest := moneyInTitle.ReplaceAllStringFunc(title, func(m string) string {
		p := moneyInTitle.FindStringSubmatch(m)
		num, unit := p[1], strings.ToLower(p[2])
		if num == "" {
			num = p[3]
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", "."), 64)
		if err != nil {
			return " "
		}
		switch unit {
		case "k", "thousand":
			f *= 1e3
		case "m", "mn", "mln", "million":
			f *= 1e6
		case "b", "bn", "billion":
			f *= 1e9
		}
		a := strconv.FormatFloat(f, 'f', 0, 64)
		h.amounts[a] = true
		h.words[a] = true
		return " "
	})
	for _, w := range words(rest) {
		if len(w) < 2 || headlineStopwords[w] {
			continue
		}
		// A crude plural/verb -s strip: "centers"/"center", "converts"/"convert".
		if len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		h.words[w] = true
	}
	return h
}

func overlap(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := overlap(a, b)
	return float64(inter) / float64(len(a)+len(b)-inter)
}
