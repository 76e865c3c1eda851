package geo

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fundingpulse/pulse"
)

func TestCountry(t *testing.T) {
	tests := []struct {
		in, want, region string
	}{
		{"India", "India", "asia"},
		{"india", "India", "asia"},
		{"  INDIA ", "India", "asia"},
		{"Indian", "India", "asia"},
		{"UK", "United Kingdom", "europe"},
		{"U.K.", "United Kingdom", "europe"},
		{"Britain", "United Kingdom", "europe"},
		{"Scotland", "United Kingdom", "europe"},
		{"U.S.", "United States", "north_america"},
		{"usa", "United States", "north_america"},
		{"United States of America", "United States", "north_america"},
		{"American", "United States", "north_america"},
		{"UAE", "United Arab Emirates", "middle_east"},
		{"Emirati", "United Arab Emirates", "middle_east"},
		{"South Korea", "South Korea", "asia"},
		{"Korea", "South Korea", "asia"},
		{"North Korea", "North Korea", "asia"},
		{"French", "France", "europe"},
		{"Swedish", "Sweden", "europe"},
		{"Czechia", "Czech Republic", "europe"},
		{"Türkiye", "Turkey", "europe"},
		{"Holland", "Netherlands", "europe"},
		{"Dutch", "Netherlands", "europe"},
		{"Côte d’Ivoire", "Ivory Coast", "africa"},
		{"Burma", "Myanmar", "asia"},
		{"Saudi", "Saudi Arabia", "middle_east"},
		{"Georgia", "Georgia", "europe"},
		{"Jordan", "Jordan", "middle_east"},
		{"Mexico", "Mexico", "latin_america"},
		{"Egypt", "Egypt", "africa"},
		{"New Zealand", "New Zealand", "oceania"},
		{"Hong Kong", "Hong Kong", "asia"},
	}
	for _, tt := range tests {
		p, ok := Country(tt.in)
		if !ok || p.Name != tt.want || p.Country != tt.want || p.Region != tt.region || p.Kind != KindCountry {
			t.Errorf("Country(%q) = %+v, %v; want %s in %s", tt.in, p, ok, tt.want, tt.region)
		}
	}
	for _, in := range []string{"", "Atlantis", "Bengaluru", "Texas", "Latin America"} {
		if p, ok := Country(in); ok {
			t.Errorf("Country(%q) = %+v, want no country", in, p)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		in                  string
		name, country, kind string
	}{
		{"Bengaluru", "Bengaluru", "India", KindCity},
		{"Bangalore", "Bengaluru", "India", KindCity},
		{"visakhapatnam", "Visakhapatnam", "India", KindCity},
		{"Vizag", "Visakhapatnam", "India", KindCity},
		{"Paris", "Paris", "France", KindCity},
		{"Stockholm", "Stockholm", "Sweden", KindCity},
		{"Abu Dhabi", "Abu Dhabi", "United Arab Emirates", KindCity},
		{"Austin", "Austin", "United States", KindCity},
		{"São Paulo", "São Paulo", "Brazil", KindCity},
		{"sao paulo", "São Paulo", "Brazil", KindCity},
		{"Shenzhen", "Shenzhen", "China", KindCity},
		{"Zürich", "Zurich", "Switzerland", KindCity},
		{"Cambridge", "Cambridge", "United Kingdom", KindCity},
		{"Cambridge, Mass.", "Cambridge, Massachusetts", "United States", KindCity},
		{"Texas", "Texas", "United States", KindState},
		{"Silicon Valley", "Silicon Valley", "United States", KindState},
		{"Karnataka", "Karnataka", "India", KindState},
		{"India", "India", "India", KindCountry},
		{"Singapore", "Singapore", "Singapore", KindCountry},
		{"Luxembourg", "Luxembourg", "Luxembourg", KindCountry},
		// Subnational regions, with their local and accent-free spellings.
		{"Johor", "Johor", "Malaysia", KindState},
		{"Johor Bahru", "Johor Bahru", "Malaysia", KindCity},
		{"Kepulauan Riau", "Riau Islands", "Indonesia", KindState},
		{"Nordrhein-Westfalen", "North Rhine-Westphalia", "Germany", KindState},
		{"NRW", "North Rhine-Westphalia", "Germany", KindState},
		{"Thüringen", "Thuringia", "Germany", KindState},
		{"Cataluña", "Catalonia", "Spain", KindState},
		{"Aragón", "Aragon", "Spain", KindState},
		{"aragon", "Aragon", "Spain", KindState},
		{"Occitania", "Occitanie", "France", KindState},
		{"Puglia", "Apulia", "Italy", KindState},
		{"Nuevo Leon", "Nuevo León", "Mexico", KindState},
		{"Gyeonggi-do", "Gyeonggi", "South Korea", KindState},
		{"Inner Mongolia", "Inner Mongolia", "China", KindState},
		{"Ras al-Khaimah", "Ras Al Khaimah", "United Arab Emirates", KindState},
		{"Pondicherry", "Puducherry", "India", KindState},
		{"NSW", "New South Wales", "Australia", KindState},
		{"Yukon", "Yukon", "Canada", KindState},
		{"Northern Virginia", "Northern Virginia", "United States", KindState},
		// A region and its capital of the same name are told apart.
		{"São Paulo State", "São Paulo State", "Brazil", KindState},
		{"state of sao paulo", "São Paulo State", "Brazil", KindState},
		{"Querétaro", "Querétaro", "Mexico", KindCity},
		{"Queretaro State", "Querétaro State", "Mexico", KindState},
		{"Osaka", "Osaka", "Japan", KindCity},
		{"Osaka Prefecture", "Osaka Prefecture", "Japan", KindState},
		// Data-centre towns.
		{"Ishikari", "Ishikari", "Japan", KindCity},
		{"Inzai", "Inzai", "Japan", KindCity},
		{"The Dalles", "The Dalles", "United States", KindCity},
		{"Loudoun County", "Loudoun County", "United States", KindCity},
		{"Richland Parish", "Richland Parish", "United States", KindCity},
		{"Eemshaven", "Eemshaven", "Netherlands", KindCity},
		{"Skelleftea", "Skellefteå", "Sweden", KindCity},
		{"Offenbach am Main", "Offenbach", "Germany", KindCity},
		{"Fos-sur-Mer", "Fos-sur-Mer", "France", KindCity},
		{"Navi Mumbai", "Navi Mumbai", "India", KindCity},
		{"Kalgoorlie", "Kalgoorlie", "Australia", KindCity},
		// Towns whose bare name is a word, a person or a company are known
		// only with their state or country.
		{"Temple, TX", "Temple, Texas", "United States", KindCity},
		{"Mesa, Ariz.", "Mesa, Arizona", "United States", KindCity},
		{"Boden, Sweden", "Boden, Sweden", "Sweden", KindCity},
		{"Victoria, Australia", "Victoria, Australia", "Australia", KindState},
		{"Victoria, B.C.", "Victoria, British Columbia", "Canada", KindCity},
	}
	for _, tt := range tests {
		p, ok := Lookup(tt.in)
		if !ok || p.Name != tt.name || p.Country != tt.country || p.Kind != tt.kind {
			t.Errorf("Lookup(%q) = %+v, %v; want %s, %s, %s", tt.in, p, ok, tt.name, tt.country, tt.kind)
		}
		if c, _ := Country(tt.country); p.Region != c.Region {
			t.Errorf("Lookup(%q).Region = %s, its country's is %s", tt.in, p.Region, c.Region)
		}
	}
	if p, ok := Lookup("French"); ok {
		t.Errorf("Lookup takes names, not demonyms: got %+v", p)
	}
	// Bare names that more often mean something else are not places.
	for _, in := range []string{"Temple", "Mesa", "Chandler", "Midland", "Boden", "Victoria", "Charlotte", "Reading", "Mobile", "Orange", "Nice", "Punjab"} {
		if p, ok := Lookup(in); ok {
			t.Errorf("Lookup(%q) = %+v, want no place", in, p)
		}
	}
}

// TestEveryNameFindsItsPlace checks each name and alias of places.txt: Lookup
// returns its own line, not a country or another place, and Find reads the
// whole name as that place, so no alias is unreachable.
func TestEveryNameFindsItsPlace(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("data", "places.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		name := strings.TrimPrefix(f[0], "@")
		for _, n := range append([]string{name}, split(f[2])...) {
			if p, ok := Lookup(n); !ok || p.Name != name {
				t.Errorf("Lookup(%q) = %+v, %v; want %s", n, p, ok, name)
			}
			ms := Find(n)
			if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(n) || ms[0].Place.Name != name {
				t.Errorf("Find(%q) = %v; want the whole name as %s", n, describeMatches(n, ms), name)
			}
		}
	}
}

func TestRegion(t *testing.T) {
	tests := map[string]string{
		"India": "asia", "U.S.": "north_america", "Canada": "north_america",
		"Brazil": "latin_america", "Mexico": "latin_america", "Germany": "europe",
		"Israel": "middle_east", "Saudi Arabia": "middle_east", "Nigeria": "africa",
		"Australia": "oceania", "Emirati": "middle_east", "Shenzhen": "asia",
		"Nowhere": "", "": "",
	}
	for in, want := range tests {
		if got := Region(in); got != want {
			t.Errorf("Region(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEveryRegionIsASlug checks the data against the domain's region list.
func TestEveryRegionIsASlug(t *testing.T) {
	slugs := map[string]bool{}
	for _, r := range pulse.Regions {
		slugs[r.Slug] = true
	}
	used := map[string]int{}
	g := index()
	for _, p := range g.places {
		if !slugs[p.Region] {
			t.Errorf("%s has region %q", p.Name, p.Region)
		}
		used[p.Region]++
	}
	for s := range slugs {
		if used[s] == 0 {
			t.Errorf("no place in region %s", s)
		}
	}
	var countries, cities int
	for _, p := range g.places {
		switch p.Kind {
		case KindCountry:
			countries++
		case KindCity:
			cities++
		}
	}
	if countries < 195 || cities < 300 {
		t.Errorf("%d countries and %d cities; the gazetteer should cover every country and a few hundred cities", countries, cities)
	}
}

type found struct {
	text, name string
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []found
	}{
		{"city and demonyms",
			"Bengaluru-based Acme raised $5M from French and U.S. investors.",
			[]found{{"Bengaluru", "Bengaluru"}, {"French", "France"}, {"U.S.", "United States"}}},
		{"longest match: South Korea, not Korea",
			"Seoul, South Korea: a South Korean fund and a North Korean hack.",
			[]found{{"Seoul", "Seoul"}, {"South Korea", "South Korea"}, {"South Korean", "South Korea"}, {"North Korean", "North Korea"}}},
		{"longest match: New York, not York; New Mexico, not Mexico",
			"Offices in New York City, New Jersey and New Mexico, and Mexico City.",
			[]found{{"New York City", "New York"}, {"New Jersey", "New Jersey"}, {"New Mexico", "New Mexico"}, {"Mexico City", "Mexico City"}}},
		{"case matters for capitalised names",
			"We ate turkey in Turkey; china from China.",
			[]found{{"Turkey", "Turkey"}, {"China", "China"}}},
		{"whole words only",
			"Franceschini, USB drives, Indiana Jones and Parisians are not places; Paris is.",
			[]found{{"Indiana", "Indiana"}, {"Paris", "Paris"}}},
		{"possessive and hyphen are boundaries",
			"India's largest round; UAE-backed; Abu Dhabi's MGX.",
			[]found{{"India", "India"}, {"UAE", "United Arab Emirates"}, {"Abu Dhabi", "Abu Dhabi"}}},
		{"regions are not the United States",
			"Latin America and North America, Bank of America, the Americas; America first.",
			[]found{{"America", "United States"}}},
		{"ambiguous names are left alone",
			"Jordan Fisher and Chad Smith met in Georgia; Amman, Jordan hosted.",
			[]found{{"Amman", "Amman"}}},
		{"accents and their ASCII spellings",
			"São Paulo and Sao Paulo; Zürich and Zurich; Malmö; Łódź.",
			[]found{{"São Paulo", "São Paulo"}, {"Sao Paulo", "São Paulo"}, {"Zürich", "Zurich"}, {"Zurich", "Zurich"}, {"Malmö", "Malmö"}, {"Łódź", "Łódź"}}},
		{"typographic apostrophe",
			"Xi’an and Côte d’Ivoire.",
			[]found{{"Xi’an", "Xi'an"}, {"Côte d’Ivoire", "Ivory Coast"}}},
		{"Emirati, Swedish, Indian",
			"The Emirati fund backed a Swedish and an Indian startup.",
			[]found{{"Emirati", "United Arab Emirates"}, {"Swedish", "Sweden"}, {"Indian", "India"}}},
		{"Cambridge, Massachusetts beats Cambridge",
			"Based in Cambridge, Mass., not Cambridge.",
			[]found{{"Cambridge, Mass.", "Cambridge, Massachusetts"}, {"Cambridge", "Cambridge"}}},
		{"name at the very end and start",
			"Singapore",
			[]found{{"Singapore", "Singapore"}}},
		{"an investment in a region, and its capital",
			"Microsoft will invest $2.5 billion in Johor, Malaysia, starting in Johor Bahru and Kulai.",
			[]found{{"Johor", "Johor"}, {"Malaysia", "Malaysia"}, {"Johor Bahru", "Johor Bahru"}, {"Kulai", "Kulai"}}},
		{"longest match: a region beats the country or state inside it",
			"Sites in Inner Mongolia and Mongolia, West Texas, Northern Virginia and South San Francisco.",
			[]found{{"Inner Mongolia", "Inner Mongolia"}, {"Mongolia", "Mongolia"}, {"West Texas", "West Texas"}, {"Northern Virginia", "Northern Virginia"}, {"South San Francisco", "South San Francisco"}}},
		{"a state and its city of the same name",
			"Plants in São Paulo State and São Paulo; Osaka Prefecture and Osaka.",
			[]found{{"São Paulo State", "São Paulo State"}, {"São Paulo", "São Paulo"}, {"Osaka Prefecture", "Osaka Prefecture"}, {"Osaka", "Osaka"}}},
		{"towns that are also words or names need their state",
			"Victoria Chen and Chandler Reyes of Temple Capital built in Temple, Texas, Mesa, AZ and Victoria, Australia.",
			[]found{{"Temple, Texas", "Temple, Texas"}, {"Mesa, AZ", "Mesa, Arizona"}, {"Victoria, Australia", "Victoria, Australia"}}},
		{"local spellings and accents",
			"Nordrhein-Westfalen und Bayern; Cataluña, Aragón and Aragon; Nuevo León, Skellefteå and Île-de-France.",
			[]found{{"Nordrhein-Westfalen", "North Rhine-Westphalia"}, {"Bayern", "Bavaria"}, {"Cataluña", "Catalonia"}, {"Aragón", "Aragon"}, {"Aragon", "Aragon"}, {"Nuevo León", "Nuevo León"}, {"Skellefteå", "Skellefteå"}, {"Île-de-France", "Île-de-France"}}},
		{"nothing", "no places here, just words.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Find = %v, want %v", describeMatches(tt.text, got), tt.want)
			}
			for i, m := range got {
				span := tt.text[m.Start:m.End]
				if span != tt.want[i].text || m.Place.Name != tt.want[i].name {
					t.Errorf("match %d = %q → %s, want %q → %s", i, span, m.Place.Name, tt.want[i].text, tt.want[i].name)
				}
			}
		})
	}
}

func describeMatches(text string, ms []Match) []found {
	var out []found
	for _, m := range ms {
		out = append(out, found{text[m.Start:m.End], m.Place.Name})
	}
	return out
}

func TestFindOffsetsAreBytes(t *testing.T) {
	text := "Über-startup in Düsseldorf"
	ms := Find(text)
	if len(ms) != 1 || ms[0].Start != strings.Index(text, "Düsseldorf") || ms[0].End != len(text) {
		t.Fatalf("Find(%q) = %+v", text, ms)
	}
}

func TestParseRejectsBadData(t *testing.T) {
	ok := "India|asia||Indian\n"
	tests := []struct {
		name, countries, places, want string
	}{
		{"region not a slug", "India|south_asia||Indian\n", "", "slug"},
		{"too few fields", "India|asia\n", "", "line 1"},
		{"alias claimed twice", ok + "Bharat|asia|India|\n", "", `"India" is already country India`},
		{"unknown country", ok, "Paris|France|\n", `country "France"`},
		{"city name claimed by two cities", ok, "Pune|India|\nPoona|India|Pune\n", "already city Pune"},
		{"blocked phrase that is also a name", ok + "-Indian\n", "", "already"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse(tt.countries, tt.places)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parse error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// newsText returns the first 4 KB of the shared evaluation articles, or ""
// when they are not there.
func newsText(tb testing.TB) string {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "..", "shared", "eval", "dev", "cases.jsonl"))
	if err != nil {
		return ""
	}
	defer f.Close()
	var text strings.Builder
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 4<<20)
	for sc.Scan() && text.Len() < 4096 {
		var c struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &c) == nil {
			text.WriteString(c.Text)
			text.WriteString("\n")
		}
	}
	if text.Len() < 4096 {
		return ""
	}
	s := text.String()[:4096]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// denseText is 4 KB with a place name every few words, a worse case than news.
func denseText() string {
	para := "Bengaluru-based founders raised money from a Dubai family office, while a Paris-based lab closed a round " +
		"with French and U.S. investors. An Austin data-center builder signed a lease in Abilene, Texas. " +
		"An Emirati fund and a Stockholm firm joined a facility for sites in Norway, Sweden and South Korea. "
	return strings.Repeat(para, 4096/len(para)+1)[:4096]
}

func BenchmarkFind4KB(b *testing.B) {
	index()
	for _, bc := range []struct{ name, text string }{{"news", newsText(b)}, {"dense", denseText()}} {
		b.Run(bc.name, func(b *testing.B) {
			if bc.text == "" {
				b.Skip("shared/eval/dev/cases.jsonl is not present")
			}
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			for b.Loop() {
				Find(bc.text)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Bengaluru-based Acme raised $5M from French and U.S. investors.")
	f.Add("São Paulo, Xi’an, Côte d’Ivoire, Łódź")
	f.Add("\xff\xfeNew \xc3York")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, m := range Find(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, prev, text)
			}
			if !boundaryBefore(text, m.Start) || !boundaryAfter(text, m.End) {
				t.Fatalf("match %q in %q is not a whole word", text[m.Start:m.End], text)
			}
			if p, ok := Lookup(text[m.Start:m.End]); ok && p.Country != m.Place.Country {
				if _, isCountry := Country(text[m.Start:m.End]); !isCountry {
					t.Fatalf("Find says %q is in %s, Lookup says %s", text[m.Start:m.End], m.Place.Country, p.Country)
				}
			}
			prev = m.End
		}
	})
}
