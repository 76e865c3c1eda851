package extract

import (
	"strings"

	"github.com/fundingpulse/pulse/geo"
)

// place is where a deal is: a country and its region, or a region alone.
type place struct {
	Name, Country, Region string
}

// regionWords name regions without a country; the geo gazetteer leaves
// them out on purpose, but "a European startup" still places a deal.
var regionWords = map[string]string{
	"europe": "europe", "european": "europe", "eu": "europe", "nordics": "europe", "nordic": "europe", "scandinavia": "europe",
	"dach": "europe", "benelux": "europe", "asia": "asia", "asian": "asia", "southeast asia": "asia", "south asia": "asia",
	"apac": "asia", "asia-pacific": "asia", "africa": "africa", "african": "africa", "sub-saharan africa": "africa",
	"west africa": "africa", "east africa": "africa", "middle east": "middle_east", "mena": "middle_east", "gcc": "middle_east",
	"gulf": "middle_east", "latin america": "latin_america", "latam": "latin_america", "south america": "latin_america",
	"north america": "north_america",
}

// isPlace reports whether a run of tokens names only a place or a people
// ("Berlin", "Swiss", "Saudi Arabia").
func isPlace(toks []token, r run) bool {
	var b strings.Builder
	for k := r.i; k < r.j; k++ {
		if k > r.i {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].text)
	}
	return isPlaceName(b.String())
}

// isPlaceName reports whether a name is exactly a known place.
func isPlaceName(n string) bool {
	n = strings.TrimSpace(n)
	if _, ok := regionWords[strings.ToLower(n)]; ok {
		return true
	}
	if _, ok := geo.Lookup(n); ok {
		return true
	}
	ms := geo.Find(n)
	return len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(n)
}

// findPlaces returns the places named in text[s:e], in order: the geo
// gazetteer's matches, plus region words it leaves out.
func findPlaces(text string, s, e int) []placeAt {
	var out []placeAt
	for _, m := range geo.Find(text[s:e]) {
		out = append(out, placeAt{place{m.Place.Name, m.Place.Country, m.Place.Region}, Span{s + m.Start, s + m.End}})
	}
	if len(out) > 0 {
		return out
	}
	return regionWordsIn(text, s, e)
}

// regionWordsIn finds the region words of text[s:e].
func regionWordsIn(text string, s, e int) []placeAt {
	var out []placeAt
	toks := tokenize(text, s, e)
	for k, t := range toks {
		if !t.name {
			continue
		}
		w := t.lower
		if k+1 < len(toks) && toks[k+1].name {
			if r, ok := regionWords[w+" "+toks[k+1].lower]; ok {
				out = append(out, placeAt{place{Name: t.text + " " + toks[k+1].text, Region: r}, Span{t.start, toks[k+1].end}})
				continue
			}
		}
		if r, ok := regionWords[w]; ok {
			out = append(out, placeAt{place{Name: t.text, Region: r}, Span{t.start, t.end}})
		}
	}
	return out
}

type placeAt struct {
	p  place
	at Span
}

// regionOf places a deal: a place in its sentence ("Berlin-based", "a
// Nigerian startup") wins, nearest to the company first; else the place the
// document names most.
func regionOf(text string, sent Span, company name, docPlace *placeAt) (place, Span, bool) {
	ps := findPlaces(text, sent.Start, sent.End)
	kept := ps[:0]
	for _, p := range ps {
		// "Ostrava Foods": a place inside a name says nothing of where.
		if company.end == 0 || p.at.End <= company.start || p.at.Start >= company.end || p.at.Start == company.start && p.at.End == company.end {
			kept = append(kept, p)
		}
	}
	ps = kept
	if len(ps) > 0 {
		best, bd := ps[0], 1<<30
		for _, p := range ps {
			d := p.at.Start - company.start
			if d < 0 {
				d = -d
			}
			if company.end == 0 {
				d = p.at.Start - sent.Start
			}
			if d < bd {
				best, bd = p, d
			}
		}
		return best.p, best.at, true
	}
	if docPlace != nil {
		return docPlace.p, docPlace.at, true
	}
	return place{}, Span{}, false
}

// mainPlace is the country the start of a document names at least twice
// and more than any other, or nil.
func mainPlace(text string) *placeAt {
	var all []placeAt
	for _, m := range geo.Find(strings.ToValidUTF8(text[:min(len(text), 3000)], "")) {
		all = append(all, placeAt{place{m.Place.Name, m.Place.Country, m.Place.Region}, Span{m.Start, m.End}})
	}
	count := map[string]int{}
	var top placeAt
	for _, p := range all {
		if p.p.Country == "" {
			continue
		}
		count[p.p.Country]++
		if count[p.p.Country] > count[top.p.Country] {
			top = p
		}
	}
	if top.p.Country != "" && count[top.p.Country] >= 2 {
		return &top
	}
	return nil
}
