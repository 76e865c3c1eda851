package extract

import (
	"strings"
)

// Place is a country, city or region word found in text, with where the
// deal is.
type Place struct {
	Name, Country, Region string
}

// placeTable maps countries to regions and lists the names, cities and
// demonyms that point to each. It is a general gazetteer, deliberately small:
// the countries and hubs that deal news names most.
const placeTable = `United States|north_america|united states,u.s.,u.s,us,usa,america,american,new york,san francisco,silicon valley,california,boston,seattle,austin,texas,chicago,los angeles,miami,washington,delaware,palo alto,menlo park,atlanta,denver,alabama,ohio,new jersey,virginia,arizona,georgia,north carolina,pennsylvania,michigan,florida,illinois,massachusetts,colorado,utah,oregon,nevada,indiana,tennessee,minnesota,wisconsin,louisiana,oklahoma,kentucky,pittsburgh,detroit,philadelphia,san diego,san jose,houston,dallas
Canada|north_america|canada,canadian,toronto,montreal,vancouver,quebec,ottawa
Mexico|latin_america|mexico,méxico,mexican,mexicana,mexicano,mexico city
Brazil|latin_america|brazil,brasil,brazilian,brasileiro,brasileira,são paulo,sao paulo,rio de janeiro
Argentina|latin_america|argentina,argentine,buenos aires
Chile|latin_america|chile,chilean,santiago
Colombia|latin_america|colombia,colombian,bogotá,bogota
Peru|latin_america|peru,peruvian,lima
United Kingdom|europe|united kingdom,uk,u.k.,britain,british,england,english,london,cambridge,oxford,manchester,edinburgh,glasgow,bristol,scotland,wales
Ireland|europe|ireland,irish,dublin,galway,cork
Germany|europe|germany,german,deutschland,berlin,munich,münchen,hamburg,frankfurt,cologne,köln,bonn,wiesbaden,pullach,stuttgart,bayerischen
France|europe|france,french,français,française,paris,lyon,toulouse,marseille
Switzerland|europe|switzerland,swiss,schweiz,suisse,zurich,zürich,geneva,genève,basel,lausanne,bern,zug
Netherlands|europe|netherlands,dutch,amsterdam,rotterdam,eindhoven
Belgium|europe|belgium,belgian,brussels,antwerp,leuven,ghent
Sweden|europe|sweden,swedish,stockholm,gothenburg,malmö
Norway|europe|norway,norwegian,oslo
Denmark|europe|denmark,danish,copenhagen
Finland|europe|finland,finnish,helsinki
Spain|europe|spain,spanish,madrid,barcelona
Portugal|europe|portugal,portuguese,lisbon,porto
Italy|europe|italy,italian,milan,rome,turin
Austria|europe|austria,austrian,vienna,wien,wiener,österreichischen
Poland|europe|poland,polish,warsaw
Estonia|europe|estonia,estonian,tallinn
Czechia|europe|czech,czechia,prague
Israel|middle_east|israel,israeli,tel aviv,jerusalem
United Arab Emirates|middle_east|uae,emirates,dubai,abu dhabi,emirati
Saudi Arabia|middle_east|saudi arabia,saudi,riyadh,jeddah
Qatar|middle_east|qatar,qatari,doha
Turkey|middle_east|turkey,turkish,türkiye,istanbul
Egypt|africa|egypt,egyptian,cairo
Nigeria|africa|nigeria,nigerian,lagos,abuja
Kenya|africa|kenya,kenyan,nairobi
South Africa|africa|south africa,south african,cape town,johannesburg
Ghana|africa|ghana,ghanaian,accra
Sudan|africa|sudan,sudanese,khartoum
India|asia|india,indian,bengaluru,bangalore,mumbai,delhi,new delhi,hyderabad,chennai,pune,gurugram,gurgaon,noida,visakhapatnam,kolkata
China|asia|china,chinese,beijing,shanghai,shenzhen,hangzhou,guangzhou,中国,北京,上海,深圳
Hong Kong|asia|hong kong
Japan|asia|japan,japanese,tokyo,osaka,kyoto,日本,東京
South Korea|asia|south korea,korea,korean,seoul,pangyo
Singapore|asia|singapore,singaporean
Indonesia|asia|indonesia,indonesian,jakarta
Vietnam|asia|vietnam,vietnamese,hanoi,ho chi minh city
Philippines|asia|philippines,filipino,manila
Thailand|asia|thailand,thai,bangkok
Malaysia|asia|malaysia,malaysian,kuala lumpur
Pakistan|asia|pakistan,pakistani,karachi,lahore
Bangladesh|asia|bangladesh,bangladeshi,dhaka
Taiwan|asia|taiwan,taiwanese,taipei,hsinchu
Australia|oceania|australia,australian,sydney,melbourne,brisbane,perth
New Zealand|oceania|new zealand,auckland,wellington
|europe|europe,european,eu,nordics,nordic,scandinavia,dach,benelux
|asia|asia,asian,southeast asia,south asia,apac,asia-pacific
|africa|africa,african,sub-saharan africa,west africa,east africa
|middle_east|middle east,mena,gcc,gulf
|latin_america|latin america,latam,south america
|north_america|north america`

// placeIndex maps a lower-case place word or phrase to its place.
var placeIndex = func() map[string]Place {
	m := map[string]Place{}
	for _, line := range strings.Split(placeTable, "\n") {
		f := strings.Split(line, "|")
		for _, n := range strings.Split(f[2], ",") {
			m[n] = Place{Name: n, Country: f[0], Region: f[1]}
		}
	}
	return m
}()

// isPlace reports whether a run of tokens names only a place or a people
// ("Berlin", "Swiss", "Saudi Arabia").
func isPlace(toks []token, r run) bool {
	var b strings.Builder
	for k := r.i; k < r.j; k++ {
		if k > r.i {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].lower)
	}
	_, ok := placeIndex[b.String()]
	return ok
}

// isPlaceName reports whether a name is a known place.
func isPlaceName(n string) bool {
	_, ok := placeIndex[strings.ToLower(strings.TrimSpace(n))]
	return ok
}

// findPlaces returns the places named in text[s:e], in order. It is the one
// switch point for place detection.
func findPlaces(text string, s, e int) []placeAt {
	var out []placeAt
	toks := tokenize(text, s, e)
	for k := 0; k < len(toks); k++ {
		if !toks[k].name && !strings.HasSuffix(toks[k].lower, "-based") {
			continue
		}
		for n := 3; n >= 1; n-- {
			if k+n > len(toks) {
				continue
			}
			var b strings.Builder
			for x := k; x < k+n; x++ {
				if x > k {
					b.WriteByte(' ')
				}
				b.WriteString(strings.TrimSuffix(strings.TrimSuffix(toks[x].lower, "-based"), "-headquartered"))
			}
			if p, ok := placeIndex[b.String()]; ok {
				if b.String() == "us" && toks[k].text != "US" {
					continue
				}
				out = append(out, placeAt{p, Span{toks[k].start, toks[k+n-1].end}})
				k += n - 1
				break
			}
		}
	}
	return out
}

type placeAt struct {
	p  Place
	at Span
}

// regionOf places a deal: a place in its sentence ("Berlin-based", "a
// Nigerian startup") wins, nearest to the company first; else the place the
// document names most.
func regionOf(text string, sent Span, company name, docPlace *placeAt) (Place, Span, bool) {
	ps := findPlaces(text, sent.Start, sent.End)
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
	return Place{}, Span{}, false
}

// mainPlace is the country the start of a document names at least twice
// and more than any other, or nil.
func mainPlace(text string) *placeAt {
	all := findPlaces(text, 0, min(len(text), 3000))
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
