// Package geo is a gazetteer: every country with its common alternative
// names and demonyms, the major tech and finance cities and a few large
// subnational regions, each mapped to its country and to a region slug of
// pulse.Regions. It finds place names in text and answers lookups by name.
//
// The data lives in data/countries.txt and data/places.txt, parsed once on
// first use into an index: lookups are a map access and Find walks a byte
// trie from each capitalised word.
package geo

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/fundingpulse/pulse"
)

// Kinds of Place.
const (
	KindCountry = "country" // a country or a territory reported on its own (Hong Kong, Puerto Rico)
	KindCity    = "city"    // a city, metro area or tech district
	KindState   = "state"   // a large subnational region (Texas, Karnataka, Silicon Valley)
)

// Place is a named place; for a country Name and Country are the same.
type Place struct {
	Name    string `json:"name"`    // English name, e.g. "Bengaluru" or "India"
	Country string `json:"country"` // English short name of the country, e.g. "India"
	Region  string `json:"region"`  // a pulse.Regions slug, e.g. "asia"
	Kind    string `json:"kind"`    // KindCountry, KindCity or KindState
}

// Match is a place named in a text, at the byte offsets [Start, End).
type Match struct {
	Place Place
	Start int
	End   int
}

// Country returns the country known by name: its English short name, an
// alternative name ("UK", "U.S.", "Czechia") or a demonym ("French",
// "Emirati"), case-insensitively.
func Country(name string) (Place, bool) {
	g := index()
	i, ok := g.countries[key(name)]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// Lookup returns the country, city or region known by name,
// case-insensitively; a country wins over a city of the same name.
func Lookup(name string) (Place, bool) {
	g := index()
	k := key(name)
	if i, ok := g.countryNames[k]; ok {
		return g.places[i], true
	}
	if i, ok := g.locals[k]; ok {
		return g.places[i], true
	}
	return Place{}, false
}

// Region returns the region slug of a country (any name Country accepts) or,
// failing that, of any place Lookup knows; "" when the name is unknown.
func Region(country string) string {
	if p, ok := Country(country); ok {
		return p.Region
	}
	if p, ok := Lookup(country); ok {
		return p.Region
	}
	return ""
}

// Find returns the places named in text, in order, without overlaps. Names
// match as whole words and as written (so "Turkey" is the country and
// "turkey" is not); at each position the longest name wins, so "South Korea"
// is one match and "New York" is not York. A few ambiguous names (Georgia,
// Jordan, Chad) are left to Lookup, and phrases such as "Latin America" are
// consumed without a match so they do not read as a country.
func Find(text string) []Match {
	g := index()
	// Spans are collected small and turned into Matches once, because a
	// Place is four strings and growing a []Match copies them repeatedly.
	type span struct{ place, start, end int32 }
	var buf [32]span
	spans := buf[:0]
	for i := 0; i < len(text); {
		c := text[i]
		// Every name starts with a capital: an ASCII upper-case letter or a
		// multi-byte rune (Île-de-France, Łódź).
		if !(c >= 'A' && c <= 'Z' || c >= 0xC0) || !boundaryBefore(text, i) {
			i++
			continue
		}
		end, p := g.trie.longest(text, i)
		if end == 0 {
			i++
			continue
		}
		if p >= 0 {
			spans = append(spans, span{p, int32(i), int32(end)})
		}
		i = end
	}
	if len(spans) == 0 {
		return nil
	}
	out := make([]Match, len(spans))
	for k, sp := range spans {
		out[k] = Match{Place: g.places[sp.place], Start: int(sp.start), End: int(sp.end)}
	}
	return out
}

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

func boundaryAfter(s string, j int) bool {
	if j >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return !isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// key normalises a name for lookups: trimmed, lower case, typographic
// apostrophes made plain.
func key(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "’", "'"))
}

// blocked marks a trie entry that is consumed without producing a match.
const blocked = -2

// trie is a byte trie over the names Find matches.
type trie struct {
	nodes []trieNode
	root  [256]int32 // children of the root by byte, 0 when absent
}

type trieNode struct {
	edges []trieEdge // sorted by b
	place int32      // index into places, blocked, or -1
}

type trieEdge struct {
	b  byte
	to int32
}

func newTrie() *trie { return &trie{nodes: []trieNode{{place: -1}}} }

// child returns the node reached from n by b, or -1.
func (t *trie) child(n int32, b byte) int32 {
	if n == 0 {
		if c := t.root[b]; c != 0 {
			return c
		}
		return -1
	}
	for _, e := range t.nodes[n].edges {
		if e.b == b {
			return e.to
		} else if e.b > b {
			break
		}
	}
	return -1
}

// insert adds name for place and reports the place already there, if any.
func (t *trie) insert(name string, place int32) (existing int32) {
	n := int32(0)
	for i := 0; i < len(name); i++ {
		b := name[i]
		edges := t.nodes[n].edges
		j, found := slices.BinarySearchFunc(edges, b, func(e trieEdge, b byte) int { return int(e.b) - int(b) })
		if found {
			n = edges[j].to
			continue
		}
		t.nodes = append(t.nodes, trieNode{place: -1})
		next := int32(len(t.nodes) - 1)
		t.nodes[n].edges = slices.Insert(edges, j, trieEdge{b, next})
		if n == 0 {
			t.root[b] = next
		}
		n = next
	}
	existing = t.nodes[n].place
	if existing == -1 {
		t.nodes[n].place = place
	}
	return existing
}

// longest returns the end of the longest name that starts at i and ends on a
// word boundary, and its place; end is 0 when none does.
func (t *trie) longest(s string, i int) (end int, place int32) {
	n := int32(0)
	for j := i; j < len(s); j++ {
		n = t.child(n, s[j])
		if n < 0 {
			break
		}
		if p := t.nodes[n].place; p != -1 && boundaryAfter(s, j+1) {
			end, place = j+1, p
		}
	}
	return end, place
}

// gazetteer is the parsed data.
type gazetteer struct {
	places       []Place
	countries    map[string]int // names, aliases and demonyms of countries
	countryNames map[string]int // names and aliases of countries
	locals       map[string]int // names and aliases of cities and regions
	trie         *trie
}

//go:embed data/countries.txt data/places.txt
var data embed.FS

var index = sync.OnceValue(func() *gazetteer {
	c, err1 := data.ReadFile("data/countries.txt")
	p, err2 := data.ReadFile("data/places.txt")
	if err1 != nil || err2 != nil {
		panic(fmt.Sprint("geo: embedded data: ", err1, err2))
	}
	g, err := parse(string(c), string(p))
	if err != nil {
		// The files are part of the build and a test parses them.
		panic("geo: embedded data: " + err.Error())
	}
	return g
})

func parse(countries, places string) (*gazetteer, error) {
	g := &gazetteer{
		countries:    map[string]int{},
		countryNames: map[string]int{},
		locals:       map[string]int{},
		trie:         newTrie(),
	}
	regions := map[string]bool{}
	for _, r := range pulse.Regions {
		regions[r.Slug] = true
	}
	byName := map[string]int{}

	// findable adds name to the trie, with its typographic-apostrophe twin.
	findable := func(name string, place int32, line int) error {
		for _, n := range []string{name, strings.ReplaceAll(name, "'", "’")} {
			if old := g.trie.insert(n, place); old != -1 && old != place {
				return fmt.Errorf("places line %d: %q is already %s", line, n, describe(g, old))
			}
		}
		return nil
	}
	lookable := func(m map[string]int, name string, place, line int) error {
		k := key(name)
		if old, ok := m[k]; ok && old != place {
			return fmt.Errorf("line %d: %q is already %s", line, name, describe(g, int32(old)))
		}
		m[k] = place
		return nil
	}

	for n, line := range strings.Split(countries, "\n") {
		line = strings.TrimSpace(line)
		num := n + 1
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "-"):
			if err := findable(strings.TrimPrefix(line, "-"), blocked, num); err != nil {
				return nil, err
			}
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 4 {
			return nil, fmt.Errorf("countries line %d: want Name|region|aliases|demonyms", num)
		}
		name, _ := strings.CutPrefix(f[0], "~")
		if !regions[f[1]] {
			return nil, fmt.Errorf("countries line %d: %q is not a pulse.Regions slug", num, f[1])
		}
		i := len(g.places)
		g.places = append(g.places, Place{Name: name, Country: name, Region: f[1], Kind: KindCountry})
		byName[name] = i
		names := append([]string{f[0]}, split(f[2])...)
		for _, a := range names {
			a, hide := strings.CutPrefix(a, "~")
			if err := lookable(g.countryNames, a, i, num); err != nil {
				return nil, fmt.Errorf("countries %w", err)
			}
			if err := lookable(g.countries, a, i, num); err != nil {
				return nil, fmt.Errorf("countries %w", err)
			}
			if !hide {
				if err := findable(a, int32(i), num); err != nil {
					return nil, err
				}
			}
		}
		for _, d := range split(f[3]) {
			if err := lookable(g.countries, d, i, num); err != nil {
				return nil, fmt.Errorf("countries %w", err)
			}
			if err := findable(d, int32(i), num); err != nil {
				return nil, err
			}
		}
	}

	for n, line := range strings.Split(places, "\n") {
		line = strings.TrimSpace(line)
		num := n + 1
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 3 {
			return nil, fmt.Errorf("places line %d: want Name|Country|aliases", num)
		}
		name, state := strings.CutPrefix(f[0], "@")
		ci, ok := byName[f[1]]
		if !ok {
			return nil, fmt.Errorf("places line %d: country %q is not in countries.txt", num, f[1])
		}
		kind := KindCity
		if state {
			kind = KindState
		}
		i := len(g.places)
		g.places = append(g.places, Place{Name: name, Country: f[1], Region: g.places[ci].Region, Kind: kind})
		for _, a := range append([]string{name}, split(f[2])...) {
			if err := lookable(g.locals, a, i, num); err != nil {
				return nil, fmt.Errorf("places %w", err)
			}
			if err := findable(a, int32(i), num); err != nil {
				return nil, err
			}
		}
	}
	return g, nil
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

func describe(g *gazetteer, p int32) string {
	if p == blocked {
		return "an ignored phrase"
	}
	pl := g.places[p]
	return fmt.Sprintf("%s %s (%s)", pl.Kind, pl.Name, pl.Country)
}
