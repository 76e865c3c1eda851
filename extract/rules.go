package extract

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/extract/money"
	"github.com/fundingpulse/pulse/geo"
)

// sentence is one analysed sentence.
type sentence struct {
	span  Span
	toks  []token
	runs  []run
	trigs []trig
	skip  []bool // tokens inside brackets or appositives
	money []*money.Match
}

// trig is a trigger phrase found in a sentence.
type trig struct {
	class int
	i, j  int // tokens
}

func (s *sentence) has(class int) bool {
	for _, t := range s.trigs {
		if t.class == class {
			return true
		}
	}
	return false
}

// nearest returns the trigger of one of classes nearest to token k, within
// dist tokens, or nil.
func (s *sentence) nearest(k, dist int, classes ...int) *trig {
	var best *trig
	bd := dist + 1
	for x := range s.trigs {
		t := &s.trigs[x]
		ok := false
		for _, c := range classes {
			ok = ok || t.class == c
		}
		if !ok {
			continue
		}
		d := k - t.j + 1
		if t.i > k {
			d = t.i - k
			if s.toks[k].money > 0 {
				d = t.i - s.moneyEnd(k) + 1 // "S$200 million (US$148 million) green loan"
			}
		}
		if d < 0 {
			d = -d
		}
		if d < bd && !s.clauseBreak(min(k, t.i), max(k, t.j)) {
			best, bd = t, d
		}
	}
	return best
}

// clauseBreak reports a semicolon or colon between tokens a and b.
func (s *sentence) clauseBreak(a, b int) bool {
	for x := max(a, 0); x < b && x < len(s.toks); x++ {
		if t := s.toks[x].text; t == ";" || t == "|" {
			return true
		}
		// "Harbourview buys into Solaris DC, Hyperion AI commits $10bn":
		// a comma, a name and its verb open another clause.
		if s.toks[x].text == "," && x+1 < b {
			if r, ok := s.runStartingAt(x + 1); ok && r.j < len(s.toks) && r.j < b && (verbLike(s.toks[r.j]) || s.verbTrigAt(r.j)) {
				return true
			}
		}
	}
	return false
}

// analyse tokenises a sentence and finds its names, triggers and amounts.
func analyse(text string, sp Span, all []money.Match) *sentence {
	s := &sentence{span: sp, toks: tokenize(text, sp.Start, sp.End)}
	for x := range all {
		m := &all[x]
		if m.Start >= sp.Start && m.End <= sp.End {
			s.money = append(s.money, m)
			for k := range s.toks {
				if s.toks[k].start >= m.Start && s.toks[k].end <= m.End {
					s.toks[k].money = len(s.money)
				}
			}
		}
	}
	for k := range s.toks {
		if notName(s.toks[k]) && !initialOfName(s.toks, k) {
			s.toks[k].name = false
			if placeCompound(s.toks[k].lower) {
				// "New York-based", "San Francisco-headquartered": the
				// words before belong to the place.
				for x := k - 1; x >= 0 && x >= k-3 && s.toks[x].end+1 == s.toks[x+1].start && s.toks[x].name; x-- {
					s.toks[x].name = false
				}
			}
		}
	}
	for k := 0; k < len(s.toks); k++ {
		if s.toks[k].money > 0 {
			continue
		}
		for _, tr := range triggers[s.toks[k].lower] {
			if hasPhraseAt(s.toks, k, tr.words) {
				s.trigs = append(s.trigs, trig{tr.class, k, k + len(tr.words)})
				switch tr.class {
				case tRaise, tRound, tAcquire, tAcqNoun, tSold, tInvest, tIPO, tSell:
					if tr.class == tRound && len(tr.words) == 1 && innerNameWords[s.toks[k].lower] && s.toks[k].text != s.toks[k].lower &&
						k > 0 && s.toks[k-1].name && k+1 < len(s.toks) && s.toks[k+1].name && orgEnds[s.toks[k+1].lower] {
						s.trigs = s.trigs[:len(s.trigs)-1] // "Saguaro Seed Fund" is a name
						break
					}
					for x := k; x < k+len(tr.words); x++ {
						s.toks[x].name = false
					}
				}
				break
			}
		}
	}
	if titleCase(s.toks) {
		// "Foundry Grid Ventures Holds $180 Million First Close": in a
		// title-case headline the word before an amount is the verb.
		for k := 1; k+1 < len(s.toks); k++ {
			t := s.toks[k]
			if t.name && s.toks[k+1].money > 0 && s.toks[k-1].name && strings.HasSuffix(t.lower, "s") && !strings.HasSuffix(t.lower, "ss") &&
				!orgEnds[t.lower] && !legalSuffixes[t.lower] && !strings.HasSuffix(t.lower, "labs") && !strings.HasSuffix(t.lower, "systems") {
				s.toks[k].name = false
			}
		}
	}
	kept0 := s.trigs[:0]
	for _, t := range s.trigs {
		if t.class == tDebt && t.i > 0 && (s.toks[t.i-1].lower == "including" || s.toks[t.i-1].lower == "incl" || s.toks[t.i-1].lower == "plus") {
			continue // "$6.8bn including debt" is the price
		}
		kept0 = append(kept0, t)
	}
	s.trigs = kept0
	for k := range s.toks {
		// "tinyloop raised", "Jakarta-based tinyloop, which": a name
		// written in lower case, known by where it stands.
		t := s.toks[k]
		if t.name || !t.word || t.money > 0 || !unicode.IsLower(firstRune(t.text)) || capStop[t.lower] || gapWords[t.lower] || anaphors[t.lower] ||
			descriptorHeads[t.lower] || generalPlural[t.lower] || titles[t.lower] || k+1 >= len(s.toks) {
			continue
		}
		next := s.toks[k+1]
		after := k + 1
		if next.text == "(" {
			// "qubitwise (yes, all lowercase) landed"
			for after < len(s.toks) && s.toks[after].text != ")" {
				after++
			}
			after++
		}
		opens := k == 0 && after < len(s.toks) && (s.isTrigStart(after, tRaise) || s.isTrigStart(after, tAcquire))
		placed := k > 0 && placeCompound(s.toks[k-1].lower) && (next.text == "," || s.isTrigStart(k+1, tRaise) || s.isTrigStart(k+1, tAcquire))
		if opens || placed {
			s.toks[k].name = true
		}
	}
	s.runs = runs(s.toks)
	// "Founded by ...", "Buoyed by ...": a capitalised participle opening a
	// sentence is no name.
	if len(s.toks) > 1 && (strings.HasSuffix(s.toks[0].lower, "ed") || strings.HasSuffix(s.toks[0].lower, "ing")) && !s.toks[1].name {
		s.toks[0].name = false
	}
	s.runs = runs(s.toks)
	s.skip = skippable(s.toks)
	if end := datelineEnd(text, sp); end > sp.Start {
		// "BOSTON, Nov. 4, 2025 /PRNewswire/ -- Acme ...": the place and
		// wire name are no party, and the sentence proper starts after
		// them; the date stays readable.
		d := 0
		for d < len(s.toks) && s.toks[d].end <= end {
			s.toks[d].name = false
			d++
		}
		s.runs = runs(s.toks)
		s.skip = append(make([]bool, d), skippable(s.toks[d:])...)
		for x := range d {
			s.skip[x] = true
		}
	}
	// "Coldfront Compute, Inc. (\"Coldfront\"), a provider": the legal
	// suffix after a comma belongs to the name before it.
	for _, r := range s.runs {
		if r.i >= 2 && s.toks[r.i-1].text == "," && s.toks[r.i-2].name && allSuffixes(s.toks[r.i:r.j]) {
			for x := r.i - 1; x < r.j; x++ {
				s.toks[x].name = false
				s.skip[x] = true
			}
		}
	}
	s.runs = runs(s.toks)
	// "led by Alpha and Beta Fund": a fund in an investor list is no
	// fund deal.
	kept := s.trigs[:0]
	for _, t := range s.trigs {
		if t.class == tFund {
			if r, ok := s.runEndingAt(t.j - 1); ok && r.i < t.i && r.i > 0 {
				switch s.toks[r.i-1].lower {
				case "by", "from", "and", ",", "&", "with", "including", "von", "de", "da", "par", "por", "bij", "door", "pela", "pelo", "dalla", "auprès":
					continue
				}
			}
		}
		kept = append(kept, t)
	}
	s.trigs = kept
	return s
}

// notName reports words that are capitalised but name no party: a single
// letter ("term loan B"), "Berlin-based", "Biotech-Firma", "Series-A-Finanzierung".
func notName(t token) bool {
	if utf8.RuneCountInString(t.text) == 1 {
		return true
	}
	for _, suf := range []string{"-based", "-headquartered", "-born", "-firma", "-plattform", "-startup", "-unternehmen", "-company", "-led", "-backed"} {
		if strings.HasSuffix(t.lower, suf) {
			return true
		}
	}
	if i := strings.LastIndexByte(t.lower, '-'); i > 0 && (titles[t.lower[i+1:]] || strings.HasPrefix(t.lower[i+1:], "gründer") || strings.HasPrefix(t.lower[i+1:], "chef")) {
		return true // "Transferwise-CEO"
	}
	if strings.Contains(t.lower, "/") && strings.Contains(t.lower, ".") || strings.HasPrefix(t.lower, "www.") {
		return true // a link
	}
	return strings.Contains(t.lower, "finanzierung") || strings.HasPrefix(t.lower, "series-") || strings.HasSuffix(t.lower, "-runde") || strings.HasSuffix(t.lower, "-round")
}

// initialOfName reports a capital letter that opens a name: "Y Combinator",
// "B Capital" (not "Series A", "term loan B", "Plan B").
func initialOfName(toks []token, k int) bool {
	t := toks[k]
	if len(t.text) != 1 || t.text[0] < 'A' || t.text[0] > 'Z' || k+1 >= len(toks) || !toks[k+1].name || toks[k+1].money > 0 {
		return false
	}
	if k > 0 && (toks[k-1].name || toks[k-1].lower == "series" || toks[k-1].lower == "serie" || toks[k-1].lower == "série" || toks[k-1].lower == "class") {
		return false
	}
	return !capStop[toks[k+1].lower] && !generic[toks[k+1].lower]
}

// skippable marks tokens in brackets and in comma-delimited appositives that
// start with a lower-case word or an article: "NowNow, a Nigerian payments
// startup, raised".
func skippable(toks []token) []bool {
	sk := make([]bool, len(toks))
	depth := 0
	for k, t := range toks {
		if t.text == "(" || t.text == "[" {
			depth++
		}
		if depth > 0 {
			sk[k] = true
		}
		if (t.text == ")" || t.text == "]") && depth > 0 {
			depth--
		}
	}
	closed := -1 // the comma that closed the last appositive
	for k := 0; k < len(toks); k++ {
		if toks[k].text != "," || k+1 >= len(toks) {
			continue
		}
		first := toks[k+1]
		if !first.word || first.name && !capStop[first.lower] {
			continue
		}
		if k == closed && finiteAux[first.lower] {
			continue // "Mistral, the AI company, is backing": the verb resumes
		}
		if first.lower == "and" || first.lower == "or" || first.lower == "e" || first.lower == "et" || first.lower == "und" {
			continue
		}
		end := -1
		for j := k + 1; j < len(toks) && j < k+30; j++ {
			if toks[j].text == "," || toks[j].text == "–" || toks[j].text == "—" {
				end = j
				break
			}
			if toks[j].text == "." || toks[j].text == ";" {
				break
			}
		}
		if end < 0 {
			continue
		}
		for j := k; j < end; j++ {
			sk[j] = true
		}
		closed = end
		k = end - 1
	}
	return sk
}

// bareNouns are capitalised words that name no party on their own: "the
// Accelerator", "the Fund".
var bareNouns = set(`fund funds fonds accelerator programme program council agency bank foundation authority ministry office
group capital ventures partners investment investments initiative scheme facility`)

// finiteAux are verbs that resume a clause after an appositive.
var finiteAux = set(`is was were are will would has have had can could may might plans plan said says`)

// runEndingAt returns the run whose last token is k.
func (s *sentence) runEndingAt(k int) (run, bool) {
	for _, r := range s.runs {
		if r.j-1 == k {
			return r, true
		}
	}
	return run{}, false
}

func (s *sentence) runStartingAt(k int) (run, bool) {
	for _, r := range s.runs {
		if r.i == k {
			return r, true
		}
	}
	return run{}, false
}

func (s *sentence) nameOf(text string, r run) name {
	t := runText(text, s.toks, r)
	st := s.toks[r.i].start
	// "Middle East’s Presight AI Fund" names the fund.
	// But "Revel's Testing Round" is Revel's: a single capitalised word
	// the text never repeats is a common noun in title case.
	for _, p := range []string{"’s ", "'s "} {
		if i := strings.LastIndex(t, p); i > 0 {
			rest := t[i+len(p):]
			if !strings.Contains(rest, " ") && (bareNouns[strings.ToLower(rest)] || strings.Count(text, rest) == 1 && strings.Count(text, t[:i]) > 1 && !isPlaceName(t[:i])) {
				t = t[:i]
				continue
			}
			t, st = t[i+len(p):], st+i+len(p)
		}
	}
	// "Energie-Start-up Stromkern", "Softwarekonzern Nordlicht AG", "Dutch
	// Wind Developer Ampera": a capitalised descriptor is no part of the
	// name after it.
	if ws := strings.Fields(t); len(ws) >= 2 {
		cut := -1
		for i, w := range ws[:len(ws)-1] {
			if descriptorWord(strings.ToLower(w)) {
				cut = i
			}
		}
		if cut >= 0 && !allOrgWords(ws[cut+1:]) {
			drop := len(strings.Join(ws[:cut+1], " ")) + 1
			if i := strings.Index(t, ws[cut+1]); i >= drop-1 {
				drop = i
			}
			t, st = t[drop:], st+drop
		}
	}
	// French and Italian elision: "d'Ace Management", "l'IoT".
	for _, p := range []string{"d'", "l'", "d’", "l’", "D'", "L'"} {
		if strings.HasPrefix(t, p) && len(t) > len(p) {
			t, st = t[len(p):], st+len(p)
		}
	}
	return name{text: t, start: st, end: st + len(t)}
}

// subject finds the name standing before token k with only auxiliaries,
// brackets or appositives in between: the one who raises, buys or invests.
func (s *sentence) subject(text string, k int) (name, bool) {
	if k >= 2 && s.toks[k-1].lower == "to" {
		if r, ok := s.runEndingAt(k - 2); ok && !isPlace(s.toks, r) && !isGenericRun(s.toks, r) && (r.i == 0 || s.toks[r.i-1].text == ",") {
			return s.nameOf(text, r), true // "Halvorsen Foods to Buy Crumbly"
		}
	}
	inside := k > 0 && k-1 < len(s.skip) && s.skip[k-1] && k < len(s.toks) && s.skip[k]
	for x := k - 1; x >= 0; x-- {
		t := s.toks[x]
		skip := s.skip[x] && !inside
		if r, ok := s.runEndingAt(x); ok && !skip {
			if isPlace(s.toks, r) || isGenericRun(s.toks, r) {
				return name{}, false
			}
			return s.nameOf(text, r), true
		}
		switch {
		case skip:
		case inside && (t.text == "(" || t.text == "["):
			// "Acmeo ($5M)": the name stands right before the bracket.
		case (t.text == ":" || t.text == "–" || t.text == "—") && x > 0 && s.startsLine(x-1):
			// "Acmeo: $5M seed", "Acmeo – $5M"
		case t.text == ",":
			// "Kreos Capital, Europe's largest lender, said it had raised":
			// the subject stands before the previous comma.
			for p := x - 1; p >= 0 && p > x-30; p-- {
				if s.toks[p].text == "," || s.toks[p].text == "." || s.toks[p].text == ";" {
					q := p - 1
					for q > 0 && s.skip[q] && s.toks[q].text == ")" {
						// "Ironbark Mining (NASDAQ: IRBK), the miner, sold"
						for q > 0 && s.toks[q].text != "(" {
							q--
						}
						q--
					}
					if r, ok := s.runEndingAt(q); ok && s.toks[p].text == "," && !isPlace(s.toks, r) && !isGenericRun(s.toks, r) {
						return s.nameOf(text, r), true
					}
					if r, ok := s.runEndingAt(q); ok && s.toks[p].text == "," && isPlace(s.toks, r) {
						continue // "Cedarline Bank, a Raleigh, N.C.-based bank, raised"
					}
					break
				}
			}
			return name{}, false
		case gapWords[t.lower], t.text == "’", t.text == "'":
		case t.money > 0:
		default:
			return name{}, false
		}
	}
	return name{}, false
}

// startsLine reports whether token x ends a name that opens the sentence.
func (s *sentence) startsLine(x int) bool {
	r, ok := s.runEndingAt(x)
	return ok && r.i == 0
}

// anaphor reports whether the words before k say "the company" or "it".
func (s *sentence) anaphor(k int) bool {
	// The clause that holds k starts after the last comma, colon or dash;
	// the sentence's own subject counts too.
	c := 0
	for x := k - 1; x >= 0; x-- {
		if t := s.toks[x].text; t == "," || t == ";" || t == ":" || t == "–" || t == "—" {
			c = x + 1
			break
		}
	}
	if k > 0 && possessive[s.toks[k-1].lower] {
		return true // "its $3M seed round"
	}
	return s.anaphorAt(c, k) || c > 0 && s.anaphorAt(0, k)
}

// anaphorAt reports "it", "its" or "the (adjective) company" in the first
// words from c.
func (s *sentence) anaphorAt(c, k int) bool {
	for x := c; x < k && x < c+5; x++ {
		l := s.toks[x].lower
		switch {
		case l == "it" || l == "its" || l == "elle" || l == "sie" || l == "sua" || l == "seine" || l == "son" || l == "sa" || l == "ihre":
			return true
		case (anaphors[l] || anaphors[strings.TrimSuffix(strings.TrimSuffix(l, "'s"), "’s")]) && x > c:
			return true // "the company", "the firm's debut fund"
		case gapWords[l] || !s.toks[x].word || unicode.IsDigit(firstRune(l)):
		case l == "the" || l == "a" || l == "an" || l == "das" || l == "die" || l == "der" || l == "la" || l == "le" || l == "o" || l == "el" || l == "this" || l == "after":
		case s.toks[x].word && unicode.IsLower(firstRune(s.toks[x].text)):
			// an adjective: "The fabless chipmaker"
		case placeCompound(s.toks[x].lower) || x+1 < len(s.toks) && placeCompound(s.toks[x+1].lower) && !s.toks[x].name:
			// "The New York-based startup"
		default:
			return false
		}
	}
	return s.definiteDeal(c, k)
}

// definiteDeal reports "The original $25 million Series A was led by", "The
// ₹3,200 crore IPO": a deal described with "the" and no name is the
// article's company's.
func (s *sentence) definiteDeal(c, k int) bool {
	if c != 0 || k >= len(s.toks) || k > 4 || s.toks[k].money == 0 || s.toks[0].lower != "the" && s.toks[0].lower != "its" {
		return false
	}
	e := s.moneyEnd(k)
	return s.roundRightAfter(e) || s.isTrigStart(e, tIPO) || s.isTrigStart(e, tOffering)
}

// firstSubject is the first name of the sentence when a verb follows it:
// "This week, VI Partners announced the first closing of a fund".
func (s *sentence) firstSubject(text string, before int) (name, bool) {
	for _, r := range s.runs {
		if r.i >= before {
			break
		}
		if s.skip[r.i] || isPlace(s.toks, r) || isGenericRun(s.toks, r) || isModifier(s.toks, r) || r.i == 0 && r.j < len(s.toks) && s.toks[r.j].text == ":" {
			continue // "Data centre operator Stonebridge Digital said", "Funds: Rimal Ventures launched"
		}
		// At the start, after lower-case descriptors ("Galway-headquartered
		// Bluedrop Medical"), or after an introductory phrase and its comma.
		if r.i > 0 && s.toks[r.i-1].text != "," && s.toks[r.i-1].text != ":" {
			for x := 0; x < r.i; x++ {
				if s.toks[x].name && !capStop[s.toks[x].lower] && !s.skip[x] && !s.inModifier(x) && !s.inPlace(x) {
					return name{}, false
				}
			}
		}
		x := r.j
		aux := false
		for x < len(s.toks) && (s.skip[x] || s.toks[x].text == "," || gapWords[s.toks[x].lower] && s.toks[x].lower != "that") {
			aux = aux || !s.skip[x] && s.toks[x].word
			x++
		}
		if x < len(s.toks) && (aux || verbLike(s.toks[x]) || s.verbTrigAt(x)) {
			return s.nameOf(text, r), true
		}
		return name{}, false
	}
	return name{}, false
}

// verbLike guesses a finite verb: a lower-case word ending in "s" or "ed",
// or a deal trigger.
func verbLike(t token) bool {
	if !t.word || !unicode.IsLower(firstRune(t.text)) {
		return false
	}
	if strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "s") && !strings.HasSuffix(t.lower, "ss") {
		return !modifiedNouns[t.lower]
	}
	return irregularVerbs[t.lower]
}

// inModifier reports a token of a name that modifies the noun after it
// ("Data centre operator").
func (s *sentence) inModifier(x int) bool {
	r, ok := s.runAt(x)
	return ok && isModifier(s.toks, r)
}

// runAt returns the run holding token x.
func (s *sentence) runAt(x int) (run, bool) {
	for _, r := range s.runs {
		if r.i <= x && x < r.j {
			return r, true
		}
	}
	return run{}, false
}

// inPlace reports a token of a run that is a place ("In Tokyo, startup X").
func (s *sentence) inPlace(x int) bool {
	r, ok := s.runAt(x)
	return ok && isPlace(s.toks, r)
}

// clauseSubject finds the subject of a clause opened by "while", "and" or
// "whereas" before token k: the name right after it, followed by its verb.
func (s *sentence) clauseSubject(text string, k int) (name, bool) {
	for x := k - 1; x > 0; x-- {
		if !clauseWords[s.toks[x].lower] && s.toks[x].lower != "and" {
			continue
		}
		r, ok := s.runStartingAt(x + 1)
		if !ok || r.j >= k || isPlace(s.toks, r) || isGenericRun(s.toks, r) {
			return name{}, false
		}
		if y := r.j; verbLike(s.toks[y]) || s.verbTrigAt(y) || gapWords[s.toks[y].lower] {
			return s.nameOf(text, r), true
		}
		return name{}, false
	}
	return name{}, false
}

// verbTrigAt reports a deal verb starting at token x, whatever its case:
// headlines capitalise every word ("Acme Completes Acquisition of Beta").
func (s *sentence) verbTrigAt(x int) bool {
	for _, t := range s.trigs {
		if t.i == x {
			switch t.class {
			case tRaise, tAcquire, tSold, tInvest, tSell, tIPO:
				return true
			}
		}
	}
	return false
}

// personCache remembers which names a text uses for people.
type personCache map[string]bool

func (pc personCache) is(text string, sp Span, n string) bool {
	if v, ok := pc[n]; ok {
		return v
	}
	v := personLike(text[max(0, sp.Start-4096):min(len(text), sp.End+4096)], n)
	pc[n] = v
	return v
}

// personLike reports a name the text uses for a person: "Desai said",
// "said Desai", "Chief Executive Officer Amit Desai".
func personLike(text, n string) bool {
	if strings.Contains(text, n+" said") || strings.Contains(text, n+" says") || strings.Contains(text, "said "+n) ||
		strings.Contains(text, n+" told") {
		return true
	}
	for i, seen := strings.Index(text, n), 0; i > 0 && seen < 8; seen++ {
		before := strings.ToLower(text[max(0, i-40):i])
		for _, w := range []string{"officer ", "executive ", "ceo ", "founder ", "president ", "chairman ", "director ", "partner ", "analyst ", "minister ", "secretary "} {
			if strings.HasSuffix(before, w) || strings.Contains(before, w) && strings.Count(before[strings.LastIndex(before, w):], " ") <= 3 {
				return true
			}
		}
		j := strings.Index(text[i+len(n):], n)
		if j < 0 {
			break
		}
		i += len(n) + j
	}
	return false
}

// baseName drops a trailing legal suffix: "Synthara Inc." → "Synthara".
func baseName(n string) string {
	ws := strings.Fields(n)
	for len(ws) > 1 && (legalSuffixes[strings.ToLower(ws[len(ws)-1])] || ws[len(ws)-1] == ",") {
		ws = ws[:len(ws)-1]
	}
	return strings.TrimSuffix(strings.Join(ws, " "), ",")
}

// legalSuffixes end a company's registered name.
var legalSuffixes = set(`inc inc. incorporated ltd ltd. limited llc l.l.c. corp corp. corporation co co. plc gmbh ag sa s.a. sas nv n.v. bv b.v.
oy ab asa as a/s spa s.p.a. srl sarl kg kgaa pte pty`)

func allSuffixes(ts []token) bool {
	for _, t := range ts {
		if !legalSuffixes[t.lower] && t.text != "." {
			return false
		}
	}
	return len(ts) > 0
}

// saidIt reports "announced (that) it" before token k: a reporting verb
// whose subject the pronoun repeats.
func (s *sentence) saidIt(k int) bool {
	for x := k - 1; x > 0 && x >= k-6; x-- {
		if s.toks[x].lower != "it" && s.toks[x].lower != "its" {
			continue
		}
		p := x - 1
		for p > 0 && (s.toks[p].lower == "that" || s.toks[p].lower == "on" || gapWords[s.toks[p].lower] && !reportVerbs[s.toks[p].lower] ||
			!s.toks[p].word || unicode.IsDigit(firstRune(s.toks[p].text)) || months[s.toks[p].lower] > 0) {
			p-- // "said on Thursday that it", "said on Feb. 25 that it"
		}
		if reportVerbs[s.toks[p].lower] {
			return true
		}
	}
	return false
}

// anaphoricObject reports "the company", "a 5% stake in the startup" right
// after token from: the article's company as an object.
func (s *sentence) anaphoricObject(from int) bool {
	for x := from; x+1 < len(s.toks) && x < from+7; x++ {
		if (s.toks[x].lower == "the" || s.toks[x].lower == "its") && anaphors[s.toks[x+1].lower] {
			return true
		}
		if s.toks[x].name || s.toks[x].text == "." || s.toks[x].text == ";" {
			return false
		}
	}
	return false
}

// reportVerbs introduce what a company says of itself.
var reportVerbs = set(`announced announces said says confirmed confirms disclosed revealed reported stated noted`)

// offerVerbs put a listed company's securities on sale: "sold $400M of
// notes".
var offerVerbs = set(`sold sells sell issued issues priced prices placed places offered offers completed completes upsized`)

// possessive determiners refer back to the article's company: "its purchase
// of X".
var possessive = set(`its their sua seu sa son seine ihre su`)

// irregularVerbs are past tenses news uses that verbLike's endings miss.
var irregularVerbs = set(`laid cut made took got won sold bought led began became grew fell rose hit saw said paid set kept held
brought built drew found gave lost met put ran sent spent struck wrote`)

// looseSubject is the last resort for the receiver of money: the last name
// before the amount that no preposition governs, else the first name after
// it before any investor cue ("Avec un tour de table à 9 millions de
// dollars, Linkfluence conclut").
func (s *sentence) looseSubject(text string, k, e int) (name, bool) {
	for x := k - 1; x >= 0; x-- {
		if s.toks[x].text == ";" || s.toks[x].text == ":" || s.toks[x].text == "." || clauseWords[s.toks[x].lower] {
			break
		}
		if generalPlural[s.toks[x].lower] {
			return name{}, false
		}
		r, ok := s.runEndingAt(x)
		if !ok || s.skip[x] && !s.skip[k] {
			continue
		}
		x = r.i
		if isPlace(s.toks, r) || isGenericRun(s.toks, r) || isModifier(s.toks, r) {
			continue
		}
		if r.i > 0 && prepositions[s.toks[r.i-1].lower] && !s.describedField(r.i-1) {
			continue
		}
		return s.nameOf(text, r), true
	}
	for x := e; x < len(s.toks) && x < e+8; x++ {
		if s.toks[x].text == "." || s.toks[x].text == ";" || s.toks[x].text == "\"" || reportWords[s.toks[x].lower] {
			break
		}
		for _, cue := range investorCues[s.toks[x].lower] {
			if hasPhraseAt(s.toks, x, cue.p) {
				return name{}, false
			}
		}
		if r, ok := s.runStartingAt(x); ok && !(s.skip[x] && !s.skip[k]) {
			if isPlace(s.toks, r) || isGenericRun(s.toks, r) || isModifier(s.toks, r) || x > 0 && prepositions[s.toks[x-1].lower] {
				x = r.j - 1
				continue
			}
			return s.nameOf(text, r), true
		}
	}
	return name{}, false
}

// clauseWords start a new clause: a name before them is not the subject of
// what follows.
var clauseWords = set(`while whereas but although though because since when after before until unless`)

// reportWords end the search for a name after an amount: what follows is a
// source, not a party.
var reportWords = set(`according said says reported reports per source sources data report tracker cited tells told learned`)

// describedField reports "le spécialiste de l'IoT eLichens", "the maker of
// drones Skyfold": the preposition at p belongs to a descriptor, so the
// name after it is the subject.
func (s *sentence) describedField(p int) bool {
	if l := s.toks[p].lower; l != "de" && l != "of" && l != "du" && l != "des" {
		return false
	}
	return p > 0 && descriptorHeads[s.toks[p-1].lower]
}

// prepositions govern names that are not the subject.
var prepositions = set(`of to from by with in at like for on into via per under over than as about against between among including
de da do das dos em no na von vom zu bei mit für à au aux du des par pour avec sur dans en con por para del según laut selon according`)

// generalPlural subjects ("startups raised") name nobody.
var generalPlural = set(`startups start-ups companies firms founders investors businesses ventures fintechs scaleups scale-ups
entrepreneurs funds vcs`)

// objectAfter finds the name after token k: the company bought or invested
// in, past articles, stakes, share counts and descriptors ("acquires a 64%
// stake in French operator Exaion").
func (s *sentence) objectAfter(text string, k, limit int) (name, bool) {
	for x := k; x < len(s.toks) && x < k+limit; x++ {
		t := s.toks[x]
		if t.text == "." || t.text == ";" || t.lower == "according" || t.lower == "said" || t.lower == "says" {
			break // "invested $800 million in 2015, according to X"
		}
		if descriptorHeads[t.lower] && x+1 < len(s.toks) && s.toks[x+1].word && !s.toks[x+1].name && !capStop[s.toks[x+1].lower] && !stopAfter[s.toks[x+1].lower] && !descriptorHeads[s.toks[x+1].lower] && s.toks[x+1].money == 0 &&
			!prepositions[s.toks[x+1].lower] && !itemStops[s.toks[x+1].lower] && !(x > 0 && s.toks[x-1].lower == "the") &&
			!(x+2 < len(s.toks) && s.toks[x+2].name) { // "la startup alemana Wolkig": the adjective is no name
			n := s.toks[x+1]
			return name{text: n.text, start: n.start, end: n.end}, true
		}
		if r, ok := s.runStartingAt(x); ok {
			if isModifier(s.toks, r) || isGenericRun(s.toks, r) || r.j-r.i == 1 && demonym(s.toks[r.i].text) && x+limit > r.j {
				x = r.j - 1
				continue // "Danish healthcare group Medivia"
			}
			if r.j+1 < len(s.toks) && (descriptorHeads[s.toks[r.j].lower] || generic[s.toks[r.j].lower]) && unicode.IsUpper(firstRune(s.toks[r.j].text)) {
				if r2, ok := s.runStartingAt(r.j + 1); ok {
					r = r2 // "Snack Startup Crumbly": a title-case descriptor
				}
			}
			return s.nameOf(text, s.sharedModifier(r)), true
		}
	}
	return name{}, false
}

// demonym reports a word for a country's people or things: "Danish",
// "Emirati".
func demonym(w string) bool {
	if _, ok := geo.Country(w); !ok {
		return placeAdjective(w)
	}
	_, place := geo.Lookup(w)
	return !place // a demonym is a country's name only through Country
}

// boughtAfter is objectAfter for what was bought: a place there describes
// it ("acquisition of U.S. heating and cooling equipment maker Coolwell").
func (s *sentence) boughtAfter(text string, k, limit int) (name, bool) {
	for tries := 0; tries < 3; tries++ {
		n, ok := s.objectAfter(text, k, limit)
		if !ok || !isPlaceName(n.text) {
			return n, ok
		}
		next := -1
		for x := k; x < len(s.toks); x++ {
			if s.toks[x].start >= n.end {
				next = x
				break
			}
		}
		if next < 0 {
			return n, ok
		}
		limit -= next - k
		k = next
		if limit <= 0 {
			return n, ok
		}
	}
	return name{}, false
}

// sharedModifier drops a trailing technology acronym that a coordinated
// phrase shares: in "Visakhapatnam AI and cloud hub" the AI is the hub's.
func (s *sentence) sharedModifier(r run) run {
	if r.j-r.i >= 2 && techAcronyms[s.toks[r.j-1].lower] && r.j+1 < len(s.toks) && isPlace(s.toks, run{r.i, r.j - 1}) {
		// "Redcar AI data centre campus": the AI is the campus's.
		if n := s.toks[r.j]; n.word && !n.name && unicode.IsLower(firstRune(n.text)) && !verbLike(n) && !stopAfter[n.lower] {
			r.j--
			return r
		}
	}
	if r.j-r.i < 2 || !techAcronyms[s.toks[r.j-1].lower] || r.j+2 >= len(s.toks) || s.toks[r.j].lower != "and" {
		return r
	}
	a, b := s.toks[r.j+1], s.toks[r.j+2]
	if a.word && b.word && !a.name && !b.name && !stopAfter[a.lower] && !stopAfter[b.lower] {
		r.j--
	}
	return r
}

// techAcronyms are capitalised technology words that modify a noun.
var techAcronyms = set(`ai ml iot ar vr xr ev it`)

// stopAfter are lower-case words that may follow a name without making it a
// modifier of a noun.
var stopAfter = set(`and or with to for in at which who that has have had is was were will would has said says announced raised raises
secured secures closed closes from by on as after of led co-led also common stock shares ordinary recently just a an the its their de e et und y con com par
para pour mit se s'est ha hat wurde ist è est per via`)

// isModifier reports whether a run is followed by a lower-case noun it
// modifies ("SME lending platform"), so it is not itself the name wanted.
func isModifier(toks []token, r run) bool {
	if r.j >= len(toks) {
		return false
	}
	n := toks[r.j]
	if !n.word || n.name || !unicode.IsLower(firstRune(n.text)) || stopAfter[n.lower] || n.money > 0 {
		return false
	}
	for x := r.j; x < len(toks) && x < r.j+3; x++ {
		if descriptorHeads[toks[x].lower] || modifiedNouns[toks[x].lower] {
			return true
		}
	}
	return false
}

// modifiedNouns follow a name used as a modifier: "Surge cohorts",
// "Nano Labs stock".
var modifiedNouns = set(`cohort cohorts stock shares programme program unit subsidiary division arm team founders ceo investors
customers users index fund`)

func isGenericRun(toks []token, r run) bool {
	switch toks[r.j-1].lower {
	case "exchange", "börse", "bourse", "bolsa", "borsa":
		return true // "Tokyo Stock Exchange" is where, not who
	}
	for k := r.i; k < r.j; k++ {
		if !capStop[toks[k].lower] && !generic[toks[k].lower] && !titles[toks[k].lower] {
			return false
		}
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// extractRules runs the rule-based extractor over a whole text.
func extractRules(text string, published time.Time) []*cand {
	year := 0
	if !published.IsZero() {
		year = published.Year()
	}
	all := money.Find(text)
	if cur := localDollar(text); cur != "" {
		// A Singapore or Australian paper writes "US$" for US dollars and a
		// bare "$" for its own.
		for i := range all {
			if all[i].Currency == "USD" && strings.HasPrefix(text[all[i].Start:], "$") {
				all[i].Currency = cur
			}
			if a := all[i].Alt; a != nil && a.Currency == "USD" && strings.HasPrefix(text[a.Start:], "$") {
				alt := *a
				alt.Currency = cur
				all[i].Alt = &alt
			}
		}
	}
	sents := Sentences(text)
	out, tableLines := tableDeals(text, all)
	listed, listLines := lineDeals(text, all)
	out = append(out, listed...)
	tableLines = append(tableLines, listLines...)
	focus := name{}
	var prev *sentence // the sentence before, for its last company-like name
	people := personCache{}
	var last *cand
	quiet := 0               // sentences since the last deal
	seen := map[string]int{} // how often each name has appeared so far
	mi := 0                  // first amount not before the current sentence
	for _, sp := range sents {
		for mi < len(all) && all[mi].End <= sp.Start {
			mi++
		}
		mj := mi
		for mj < len(all) && all[mj].Start < sp.End {
			mj++
		}
		if inSpans(sp, tableLines) {
			continue
		}
		s := analyse(text, sp, all[mi:mj])
		for _, r := range s.runs {
			if !isPlace(s.toks, r) && !isGenericRun(s.toks, r) && !(r.i > 0 && investorWords[s.toks[r.i-1].lower]) {
				seen[baseName(runText(text, s.toks, r))]++ // "led by BlackRock" is no candidate for the story's company
			}
		}

		// The company a later "it" or "the startup" means: the last one a
		// sentence was about, unless that sentence is about its investors.
		if n, ok := s.firstSubject(text, len(s.toks)); ok && !looksLikeInvestor(n.text) && !s.investorSubject(n) && (!s.aboutInvestors() || s.has(tRaise)) && mentionedTwice(text, sp, n.text) && !implausibleCompany(n.text, "") && !people.is(text, sp, n.text) {
			focus = n
		}
		if hasHan(text[sp.Start:sp.End]) {
			if found := cjkDealsDated(text, sp, all, year); len(found) > 0 {
				out = append(out, found...)
				last, focus, quiet = found[len(found)-1], found[len(found)-1].company, 0
				continue
			}
			if last != nil && quiet < 2 {
				cjkLeads(text, sp, last)
			}
		}
		if last != nil && last.stake == 0 && quiet < 2 {
			s.followStake(text, last) // "... lifting its stake in X to 14%"
		}
		if last != nil && quiet < 2 && len(s.money) == 0 && last.kind == pulse.KindFundingRound && last.round == "undisclosed" {
			// "Angeführt wird die Series A vom Investor X": the stage told
			// after the amount.
			if r, at, ok := firstRound(s.toks); ok {
				last.round, last.roundAt = r, at
			}
		}
		if len(s.trigs) == 0 {
			if last != nil && quiet < 2 && len(s.money) == 0 && s.investorsAfter(text, last, 0, true) {
				quiet = 0 // "Existing investors A and B also participated."
				continue
			}
			quiet++
			continue
		}
		if last != nil && quiet < 3 && (s.definiteRound(last) || s.dealValueOf(last)) {
			quiet = 0 // "The A$35 million round is one of the largest"
			continue
		}
		f := focus
		if f.text == "" && len(s.toks) > 2 && s.toks[0].lower == "it" && (s.isTrigStart(1, tRaise) || s.isTrigStart(2, tRaise)) && s.statedRound() {
			if prev != nil {
				f = prev.lastCompanyName(text) // "The biggest round went to Hyperion Silicon. It raised €110m in a Series B"
			}
		}
		found := s.moneyDeals(text, f, seen)
		if len(found) == 0 {
			found = s.plainDeals(text, focus)
		} else {
			// "Zestlane acquired Dokkit for an undisclosed sum, while
			// Orbisfund closed its fund at ₹180 Cr": a purchase without a
			// price beside a deal with one.
			for _, p := range s.plainDeals(text, focus) {
				if p.kind == pulse.KindAcquisition && p.money == nil && !overlapsDeal(p, found) {
					found = append(found, p)
				}
			}
		}
		if len(found) == 0 && last != nil && quiet < 2 && len(s.money) == 0 && s.investorsAfter(text, last, 0, true) {
			quiet = -1
		}
		for _, c := range found {
			c.sent = sp
			c.announced, c.dateAt = dateIn(s.toks, year)
			if c.announced.IsZero() && saysToday(s) {
				// "today announced" under a dateline: the dateline's date.
				c.announced, c.dateAt = dateline(text, year)
			}
			out = append(out, c)
			last = c
			if focus.text == "" && !isPlaceName(c.company.text) || c.company.text != "" && !(c.kind == pulse.KindAcquisition && hasName(c.investors, focus)) && !isPlaceName(c.company.text) {
				focus = c.company // but "Nubaria bought Wolkig" leaves the story Nubaria's
			}
		}
		if len(found) > 0 {
			quiet = 0
		} else {
			quiet++
		}
		prev = s
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].sent.Start < out[j].sent.Start })
	return mergeCands(out)
}

// localDollars are the prefixes of dollars other than the US one.
var localDollars = []struct{ prefix, code string }{
	{"S$", "SGD"}, {"A$", "AUD"}, {"AU$", "AUD"}, {"C$", "CAD"}, {"CA$", "CAD"}, {"NZ$", "NZD"}, {"HK$", "HKD"}, {"NT$", "TWD"},
}

// localDollar returns the currency a bare "$" means in text: the one local
// dollar it writes with a prefix, when it also marks US dollars as such.
func localDollar(text string) string {
	lower := strings.ToLower(text[:min(len(text), 4000)])
	for _, st := range []struct{ says, code string }{
		{"in australian dollars", "AUD"}, {"in singapore dollars", "SGD"}, {"in canadian dollars", "CAD"},
		{"in new zealand dollars", "NZD"}, {"in hong kong dollars", "HKD"},
	} {
		if strings.Contains(lower, st.says) {
			return st.code // "All figures in Australian dollars unless otherwise stated"
		}
	}
	if !strings.Contains(text, "US$") && !strings.Contains(text, "USD") && !strings.Contains(text, "U.S. dollars") {
		return ""
	}
	if cur := datelineDollar(text); cur != "" {
		return cur
	}
	found := ""
	for _, d := range localDollars {
		for i := strings.Index(text, d.prefix); i >= 0; {
			if i == 0 || !unicode.IsLetter(rune(text[i-1])) {
				if found != "" && found != d.code {
					return "" // two local dollars: no telling
				}
				found = d.code
				break
			}
			j := strings.Index(text[i+1:], d.prefix)
			if j < 0 {
				break
			}
			i += j + 1
		}
	}
	return found
}

// dollarCountries are where a bare "$" is the local dollar.
var dollarCountries = map[string]string{"Singapore": "SGD", "Australia": "AUD", "Canada": "CAD", "New Zealand": "NZD", "Hong Kong": "HKD", "Taiwan": "TWD"}

// datelineDollar returns the local dollar of the place the text opens
// with ("SINGAPORE –", "Melbourne fintech X"), when it is a dollar country.
func datelineDollar(text string) string {
	head := strings.ToValidUTF8(text[:min(len(text), 400)], "")
	// Datelines shout: "SINGAPORE –" is Singapore.
	words := strings.Fields(head)
	for i, w := range words {
		if len(w) > 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			r, n := utf8.DecodeRuneInString(w)
			words[i] = string(r) + strings.ToLower(w[n:])
		}
	}
	ms := geo.Find(strings.Join(words, " "))
	if len(ms) == 0 {
		return ""
	}
	return dollarCountries[ms[0].Place.Country]
}

// overlapsDeal reports whether c is one of found: the same party, or told
// by the same trigger words.
func overlapsDeal(c *cand, found []*cand) bool {
	for _, f := range found {
		if sameParty(c, f) || c.kindAt.Start < f.kindAt.End && f.kindAt.Start < c.kindAt.End {
			return true
		}
		for _, n := range f.investors {
			if orgKey(n.text) == orgKey(c.company.text) {
				return true
			}
		}
	}
	return false
}

// inSpans reports whether sp lies inside one of spans.
func inSpans(sp Span, spans []Span) bool {
	for _, u := range spans {
		if sp.Start >= u.Start && sp.End <= u.End {
			return true
		}
	}
	return false
}

// investorWords introduce a backer rather than the company backed.
var investorWords = set(`by from including backed led`)

// statedRound reports a round stage named in s.
func (s *sentence) statedRound() bool {
	_, _, ok := firstRound(s.toks)
	return ok
}

// firstRound returns the first round stage toks name, and where.
func firstRound(toks []token) (pulse.Round, Span, bool) {
	for x := range toks {
		if r, n := roundAt(toks, x); r != "" {
			return r, Span{toks[x].start, toks[x+n-1].end}, true
		}
	}
	return "", Span{}, false
}

// lastCompanyName is the last name in s that may be a company: no place,
// no backer after "by" or "from", no person.
func (s *sentence) lastCompanyName(text string) name {
	for i := len(s.runs) - 1; i >= 0; i-- {
		r := s.runs[i]
		if isPlace(s.toks, r) || isGenericRun(s.toks, r) || r.i > 0 && investorWords[s.toks[r.i-1].lower] {
			continue
		}
		n := s.nameOf(text, r)
		if implausibleCompany(n.text, "") || looksLikeInvestor(n.text) || personLike(text[max(0, s.span.Start-2048):min(len(text), s.span.End+2048)], n.text) {
			continue
		}
		return n
	}
	return name{}
}

// salient is the name said most often so far, when said at least twice:
// what an article without a clear subject sentence is about.
func salient(seen map[string]int) name {
	best, n := "", 1
	for k, v := range seen {
		if implausibleCompany(k, "") {
			continue
		}
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	if n < 2 {
		return name{}
	}
	return name{text: best}
}

// moneyDeals finds deals stated with an amount in s.
func (s *sentence) moneyDeals(text string, focus name, seen map[string]int) []*cand {
	var out []*cand
	closeAt := s.fundCloseAmount()
	for mi, m := range s.money {
		if m.PerUnit || m.Amount < 1000 || m.Range || mi > 0 && s.money[mi-1].Range && s.money[mi-1].End+8 > m.Start {
			continue // share prices, and ranges ("loans of $25,000 to $500,000")
		}
		k := s.tokIndex(mi)
		if closeAt >= 0 && k != closeAt {
			continue // "the first close of its Rs 400 crore Fund II at Rs 220 crore": the rest is a target
		}
		if k < 0 || s.nonDeal(k, mi) || s.blocked(k) || findPhrase(s.toks, 0, len(s.toks), breakdowns) >= 0 || findPhrase(s.toks, 0, len(s.toks), cancelled) >= 0 {
			continue
		}
		f := focus
		if s.passiveInvestment(s.moneyEnd(k)) || f.text == "" && s.definiteDeal(0, k) {
			f = salient(seen) // no clear subject so far: the name said most
		}
		c := s.dealFor(text, k, m, f)
		if c == nil {
			continue
		}
		c.money = m
		c.bare = m.Currency == "USD" && strings.HasPrefix(text[m.Start:], "$")
		out = append(out, c)
		if c.company.text != "" && hasWordIn(s.toks, 0, k, "each", "both", "jeweils", "chacune", "cada") {
			// "A and B were each awarded £1 million": one deal each.
			for _, o := range s.coSubjects(text, c.company) {
				d := *c
				d.company = o
				out = append(out, &d)
			}
		}
	}
	return out
}

// fundCloseAmount returns the token of the amount a fund closed at, when a
// fund sentence names one with "at" among other amounts, or -1.
func (s *sentence) fundCloseAmount() int {
	if len(s.money) < 2 || !s.has(tFund) {
		return -1
	}
	for mi := range s.money {
		k := s.tokIndex(mi)
		if k > 0 {
			switch s.toks[k-1].lower {
			case "at", "bei", "à":
				return k
			}
		}
	}
	return -1
}

// tokIndex returns the first token of money mi (0-based), or -1.
func (s *sentence) tokIndex(mi int) int {
	for k, t := range s.toks {
		if t.money == mi+1 {
			return k
		}
	}
	return -1
}

func (s *sentence) moneyEnd(k int) int {
	mi := s.toks[k].money
	for k < len(s.toks) && s.toks[k].money == mi {
		k++
	}
	return k
}

// nonDeal reports whether the amount at token k is a valuation, revenue,
// price, total or other figure that is not a deal's size.
func (s *sentence) nonDeal(k, mi int) bool {
	e := s.moneyEnd(k)
	if b := findPhrase(s.toks, k-6, k, nonDealBefore); b >= 0 && !s.dealValue(b) && !(s.toks[b].lower == "closed" && s.has(tFund)) &&
		!(b+1 < k && descriptorHeads[s.toks[b+1].lower]) { // "payroll start-up Quokka HR for $8 million"
		return true // but a fund "closed at $12bn" is its size
	}
	for x := max(0, k-14); x+2 < k; x++ {
		if s.toks[x].lower == "option" && s.toks[x+1].lower == "to" && (s.toks[x+2].lower == "purchase" || s.toks[x+2].lower == "buy") ||
			s.toks[x].lower == "over-allotment" || s.toks[x].lower == "greenshoe" {
			return true // "an option to purchase up to an additional $52.5 million of notes"
		}
	}
	if k >= 2 && s.toks[k-2].lower == "from" && (s.toks[k-1].lower == "its" || s.toks[k-1].lower == "their") {
		return true // "invested from its $40 million seed fund"
	}
	for x := max(0, k-12); x < k-6; x++ {
		switch s.toks[x].lower {
		case "values", "valued", "valuing", "valuation":
			// "The financing values the Santa Clara, California-based
			// company at about $4.2 billion"
			if !s.dealValue(x) && !s.clauseBreak(x, k) && hasWordIn(s.toks, x, k, "at") {
				return true
			}
		}
	}
	for x := max(0, k-2); x < k; x++ {
		if componentWords[s.toks[x].lower] {
			if r, _ := roundAt(s.toks, e); r != "" && s.has(tRaise) && hasWordIn(s.toks, e, len(s.toks), "last", "earlier", "previous") {
				break // "including a $5.5 million seed round it raised last year"
			}
			return true // "$50 million, including $10 million in debt"
		}
	}
	if findPhrase(s.toks, e, e+3, nonDealAfter) >= 0 {
		return true
	}
	if s.contractOnly() {
		return true // "wins $2.1 billion, five-year compute contract"
	}
	if s.runningTotal(k, e) {
		return true
	}
	if a := findPhrase(s.toks, k-8, e+5, aggregates); a >= 0 && !(a > 0 && s.toks[a].name && s.toks[a-1].name) { // "Tees Valley Combined Authority" is a name
		// "raised a total of $58 million in a Series B" is one round.
		aTotalOf := s.toks[a].lower == "total" && a > 0 && s.toks[a-1].lower == "a" && a+1 < len(s.toks) && s.toks[a+1].lower == "of"
		if !(aTotalOf && s.has(tRound)) && !(hasPhraseAt(s.toks, a, phrase{"across"}) && a < k) {
			return true
		}
	}
	return false
}

// runningTotal reports "has raised more than $600 million from investors
// including X": a hedged amount after a present-perfect raise, with no round
// named, is what the company has raised over its life.
func (s *sentence) runningTotal(k, e int) bool {
	hedged, perfect := false, false
	for x := max(0, k-4); x < k; x++ {
		switch s.toks[x].lower {
		case "over", "more", "upwards":
			hedged = true
		case "has", "have":
			perfect = x+1 < len(s.toks) && s.toks[x+1].lower == "raised"
		}
	}
	if !hedged || !perfect {
		return false
	}
	for x, t := range s.toks {
		if r, _ := roundAt(s.toks, x); r != "" || t.lower == "round" || t.lower == "new" || t.lower == "latest" {
			return false
		}
	}
	return true
}

// contractOnly reports a sentence about a commercial contract, a lease or
// supply, with no financing word: its amounts are contract values.
func (s *sentence) contractOnly() bool {
	contract := false
	for _, t := range s.toks {
		switch t.lower {
		case "contract", "contracts", "lease", "leases", "offtake", "colocation", "orders":
			contract = true
		}
	}
	if !contract {
		return false
	}
	for _, t := range s.trigs {
		switch t.class {
		case tRound, tAcquire, tAcqNoun, tSold, tInvest, tCommit, tFund, tDebt, tGrant, tIPO, tOffering:
			return false
		}
	}
	return true
}

// componentWords introduce a part of an amount already given.
var componentWords = set(`including includes comprising incl incluindo incluyendo dont davon inklusive`)

// dealValue reports "a deal valued at", "the transaction values": the
// amount is the deal's price, not a company's valuation.
func (s *sentence) dealValue(b int) bool {
	for x := max(0, b-3); x < b; x++ {
		switch s.toks[x].lower {
		case "deal", "transaction", "acquisition", "purchase", "takeover", "merger", "buyout":
			return true
		}
	}
	return false
}

// dealFor decides whether the amount at token k is a deal, and fills its
// kind, parties, round and stake.
func (s *sentence) dealFor(text string, k int, m *money.Match, focus name) *cand {
	e := s.moneyEnd(k)
	raise := s.lastBefore(k, tRaise)
	c := &cand{}
	var kindTrig *trig
	classes := []int{tIPO, tOffering, tDebt, tGrant, tFund, tAcquire, tAcqNoun, tSold, tSell, tInvest, tRaise, tRound}
	near := s.nearest(k, 12, classes...)
	if near == nil {
		near = s.nearest(k, 25, tAcquire, tAcqNoun, tSold, tSell)
	}
	if near == nil && s.dealPrice(k) {
		// "agreed to acquire a 60% stake in X, ..., in a deal valued at
		// about €800 million": the price of a purchase told earlier.
		near = s.nearest(k, len(s.toks), tAcquire, tAcqNoun, tSold, tSell)
	}
	if near == nil && s.commitAfter(e) == nil {
		if w := s.nearest(k, 40, tWeak); w == nil || !s.adjacentName(k) {
			return nil
		}
	}
	// Kind, by the most specific cue present; a round named right after
	// the amount ("$95 million Series B", "€15mn equity investment") wins
	// over a loan or grant elsewhere in the sentence.
	switch {
	case s.roundRightAfter(e):
		kindTrig = near
		c.kind = pulse.KindFundingRound
	case s.pick(k, 14, tIPO) != nil && !s.has(tOffering) || s.pick(k, 14, tIPO) != nil && s.hasIPOPhrase():
		kindTrig = s.pick(k, 14, tIPO)
		c.kind = pulse.KindIPO
	case s.pick(k, 14, tOffering) != nil:
		kindTrig = s.pick(k, 14, tOffering)
		c.kind = pulse.KindOther
	case s.pick(k, 8, tDebt) != nil:
		kindTrig = s.pick(k, 8, tDebt)
		c.kind = pulse.KindDebt
	case s.pick(k, 10, tGrant) != nil:
		kindTrig = s.pick(k, 10, tGrant)
		c.kind = pulse.KindGrant
	case s.pick(k, 6, tFund) != nil && (raise != nil || s.closeWord()):
		kindTrig = s.pick(k, 6, tFund)
		c.kind = pulse.KindFund
	case s.fundCommit(e) != nil:
		kindTrig = s.fundCommit(e)
		c.kind = pulse.KindFund
	case s.pick(k, 25, tAcquire, tAcqNoun, tSold, tSell) != nil && !s.raisedThenBought(k, e):
		kindTrig = s.pick(k, 25, tAcquire, tAcqNoun, tSold, tSell)
		if b := s.acquisitionBefore(k); b != nil && kindTrig.i > k {
			kindTrig = b // "acquired Kirim Cepat for $18 million, its third purchase"
		}
		c.kind = pulse.KindAcquisition
	case near != nil && (near.class == tAcquire || near.class == tAcqNoun || near.class == tSold || near.class == tSell):
		kindTrig = near
		c.kind = pulse.KindAcquisition
	case raise == nil && s.pick(k, 10, tInvest) != nil && !s.passive(s.pick(k, 10, tInvest)):
		kindTrig = s.pick(k, 10, tInvest)
		c.kind = pulse.KindInvestment
	case raise == nil && e < len(s.toks) && s.commitAfter(e) != nil && !s.passive(s.commitAfter(e)):
		kindTrig = s.commitAfter(e)
		c.kind = pulse.KindInvestment
	default:
		kindTrig = near
		if kindTrig == nil {
			kindTrig = s.nearest(k, 40, tWeak)
		}
		c.kind = pulse.KindFundingRound
	}
	if kindTrig != nil {
		c.kindAt = Span{s.toks[kindTrig.i].start, s.toks[kindTrig.j-1].end}
	}
	// Parties.
	acq := s.pick(k, 20, tAcquire)
	switch {
	case c.kind == pulse.KindAcquisition:
		s.acquisitionParties(text, c, kindTrig)
	case (c.kind == pulse.KindOther || c.kind == pulse.KindInvestment) && acq != nil && acq.i > k:
		// "provide a $1.4bn backstop and receive warrants to acquire shares of X"
		s.acquisitionParties(text, c, acq)
	case c.kind == pulse.KindInvestment:
		s.investmentParties(text, c, kindTrig, k, focus)
	default:
		if !s.investorLed(text, c, k, e) {
			s.raiseParties(text, c, raise, k, e, focus)
		}
	}
	if c.kind == pulse.KindFund && kindTrig != nil && kindTrig == s.fundCommit(e) && c.company.text != "" {
		// "A and B have committed $100 million to a jointly managed fund":
		// the sponsors back the fund the article names.
		if f, ok := namedFund(text); ok {
			if len(s.runs) > 0 && s.runs[0].i == 0 && !isPlace(s.toks, s.runs[0]) && !isGenericRun(s.toks, s.runs[0]) {
				// "Presight, the listed analytics company, and Shorooq"
				if n := s.nameOf(text, s.runs[0]); n.text != c.company.text {
					c.investors = append(c.investors, n)
				}
			}
			c.investors = append(c.investors, c.company)
			c.company = f
		}
	}
	if c.company.text == "" && (c.kind == pulse.KindAcquisition || c.kind == pulse.KindInvestment) && kindTrig != nil && s.anaphoricObject(kindTrig.j) && focus.text != "" {
		c.company = name{text: focus.text} // "bought a 5% stake in the company"
	}
	if c.company.text == "" && !(c.kind == pulse.KindInvestment && len(c.investors) > 0) {
		return nil
	}
	if c.kind == pulse.KindInvestment && len(c.investors) == 0 && isPlaceName(c.company.text) {
		return nil // money "invested in Sweden" by nobody named is a statistic
	}
	if c.company.text != "" && (looksLikeInvestor(c.company.text) || investorDescribed(text, c.company)) && c.kind == pulse.KindFundingRound && raise != nil {
		c.kind = pulse.KindFund
	}
	if raise != nil && c.kind == pulse.KindFundingRound && s.grantVerb(raise) {
		c.kind, c.round = pulse.KindGrant, ""
	}
	if strings.Contains(strings.ToLower(c.company.text), "fund") && c.kind == pulse.KindFundingRound {
		c.kind = pulse.KindFund
	}
	if c.kind == pulse.KindFund {
		// "Acme Ventures Fund III" is raised by Acme Ventures; a bare
		// "Fund II" by the article's firm.
		if m := fundSuffix.FindStringIndex(c.company.text); m != nil {
			if bareFund(c.company.text) {
				c.company = name{text: focus.text}
				if n, ok := s.firstSubject(text, k); ok && !bareFund(n.text) {
					c.company = n // "Sahyadri Capital announced the first close of its Fund II"
				} else {
					for _, r := range s.runs {
						if n := s.nameOf(text, r); r.j <= k && looksLikeInvestor(n.text) && !bareFund(n.text) {
							c.company = n // "VC firm Sahyadri Capital announced"
							break
						}
					}
				}
			} else {
				c.company.text = c.company.text[:m[0]]
				c.company.end = c.company.start + m[0]
			}
		}
	}
	s.stakeOf(text, c)
	if c.kind == pulse.KindAcquisition && (c.stake > 0 && c.stake < 50 || s.minorityStake()) {
		c.kind = pulse.KindInvestment
	}
	if c.kind == pulse.KindFundingRound {
		c.round, c.roundAt = s.roundNear(text, k)
	}
	// Investors named after a later amount belong to that amount's deal.
	end := len(s.toks)
	for x := s.moneyEnd(k); x < len(s.toks); x++ {
		if s.toks[x].money > 0 && !s.nonDeal(x, s.toks[x].money-1) && !s.money[s.toks[x].money-1].PerUnit {
			end = x
			break
		}
	}
	s.investorsIn(text, c, k, end, false)
	if implausibleCompany(c.company.text, c.kind) {
		// "Serie B", "Capital", "AI": a word the rules took for a name.
		if focus.text == "" || c.kind == pulse.KindAcquisition || hasName(c.investors, focus) {
			return nil
		}
		c.company = name{text: focus.text}
	}
	return c
}

// placeCompound reports "york-based": a compound whose first part is a
// place.
func placeCompound(l string) bool {
	for _, suf := range []string{"-based", "-headquartered", "-born"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// implausibleCompany reports a "company" that is a common word, a round, a
// technology or a legal suffix rather than an organisation's name; a place
// can be invested in but raises no round.
func implausibleCompany(n string, kind pulse.DealKind) bool {
	if n == "" {
		return false
	}
	if unicode.IsPunct(firstRune(n)) || strings.HasPrefix(n, "0") {
		return true // "000 NVIDIA GPUs" is the tail of "18,000"
	}
	ws := strings.Fields(strings.ToLower(n))
	if len(ws) > 1 && strings.Trim(ws[0], "0123456789.,") == "" && units[ws[1]] {
		return true // "150 MW", "200 MW Pecos Ridge Site"
	}
	allCommon := true
	for i, w := range ws {
		w = strings.Trim(w, ".,'’")
		switch {
		case legalSuffixes[w] && i > 0, commonNouns[w], capStop[w], techAcronyms[w], notCompany[w]:
		case w == "serie" || w == "series" || w == "série" || w == "séries":
		case len(w) == 1 && i > 0:
		default:
			allCommon = false
		}
	}
	if allCommon {
		return true
	}
	if len(ws) == 1 {
		for _, suf := range []string{"darlehen", "kredit", "finanzierung", "runde", "kapital", "anteile", "beteiligung", "gründern"} {
			if strings.HasSuffix(ws[0], suf) {
				return true // German compounds: "Brückendarlehen", "Eigenkapital"
			}
		}
	}
	if len(ws) == 1 && adverbs[ws[0]] {
		return true
	}
	switch kind {
	case pulse.KindFundingRound, pulse.KindDebt, pulse.KindGrant, pulse.KindIPO:
		return isPlaceName(n)
	}
	return false
}

// descriptorWord reports a capitalised noun that describes the name after
// it: German compounds ("Energie-Start-up", "Softwarekonzern",
// "Bestandsinvestoren"), and English heads in title-case headlines
// ("Developer", "Startup").
func descriptorWord(w string) bool {
	if descriptorHeads[w] || generic[w] {
		return true
	}
	stem := w
	for _, end := range []string{"en", "e", "n", "s"} {
		if strings.HasSuffix(stem, end) && len(stem) > 6 {
			stem = strings.TrimSuffix(stem, end) // "Spezialisten", "Anbietern"
			break
		}
	}
	for _, suf := range []string{"start-up", "startup", "plattform", "konzern", "firma", "gesellschaft", "investor", "investoren", "-cloud",
		"geber", "anbieter", "hersteller", "spezialist", "dienstleister", "entwickler", "betreiber", "tech", "fintech", "unternehmen",
		"bauer", "händler", "zulieferer", "versicherer", "durfinvesteerder", "bedrijf"} {
		if (strings.HasSuffix(w, suf) || strings.HasSuffix(stem, suf)) && len(w) > len(suf) {
			return true
		}
	}
	switch w {
	case "wettbewerber", "konkurrent", "rivale", "rival", "competitor", "peer", "bestandsinvestor", "investor", "lender", "insurer", "bank":
		return true
	}
	return false
}

// allOrgWords reports words that end an organisation's name and make none
// on their own: "Startup Fund" is a fund's name, not a startup's.
func allOrgWords(ws []string) bool {
	for _, w := range ws {
		l := strings.ToLower(w)
		if !orgEnds[l] && !bareNouns[l] && !legalSuffixes[l] {
			return false
		}
	}
	return true
}

// notCompany are single words that name a technology or a thing, not an
// organisation.
var notCompany = set(`gpu gpus cpu cpus tpu api apis saas paas llm llms mrna dna rna crispr ev evs ai ml iot nft nfts 5g 6g d2c b2b b2c
global u.s u.s. us uk eu eigenkapital banque banco bank
inc. inc ltd corp co llc plc gmbh ag sa proceeds separately ahead meanwhile additionally overall elsewhere`)

// units follow a quantity, never a name.
var units = set(`mw gw kw mwh gwh twh megawatt megawatts gigawatt gigawatts km acres hectares sq ft tons tonnes gpus servers racks`)

// adverbs open sentences and are capitalised there.
var adverbs = set(`separately additionally meanwhile similarly finally overall notably recently previously earlier
daarnaast bovendien ondertussen außerdem zudem inzwischen además asimismo también ensuite également parallèlement
inoltre intanto inoltre além ainda também`)

// commonNouns are capitalised words that name no party: German capitalises
// every noun, headlines every word.
var commonNouns = set(`kapital unternehmen darlehen fonds runde finanzierungsrunde finanzierung investoren bestandsinvestoren
investor geldgeber gründer start-up startup firma gesellschaft umsatz kunden mitarbeitende millionen milliarden
euro franken dollar kredit förderung zuschuss bank capital money funding funds fund round cash debt equity expenditure
empresa compañía sociedad ronda rodada aporte capitale société entreprise levée`)

// acquisitionBefore returns the last purchase verb before token k within 25
// tokens, or nil.
func (s *sentence) acquisitionBefore(k int) *trig {
	var best *trig
	for x := range s.trigs {
		t := &s.trigs[x]
		if (t.class == tAcquire || t.class == tSold || t.class == tSell) && t.j <= k && k-t.j < 25 && !s.clauseBreak(t.j, k) {
			best = t
		}
	}
	return best
}

// raisedThenBought reports "closes a round of $8M and buys Wolkig": the
// amount follows a raise and the purchase comes after it, in its own clause.
func (s *sentence) raisedThenBought(k, e int) bool {
	a := s.pick(k, 25, tAcquire, tAcqNoun, tSold, tSell)
	if a == nil || a.i < e {
		return false
	}
	r := s.lastBefore(k, tRaise)
	if r == nil || k-r.j > 8 {
		return false
	}
	for x := e; x < a.i; x++ {
		switch s.toks[x].lower {
		case "and", "y", "e", "et", "und", ",", ";":
			return true
		}
	}
	return false
}

// definiteRound reads "The $35 million round ..." after a deal as that
// deal's amount: it gives last the amount when last had none, or names the
// dollar a headline's bare "$" meant.
func (s *sentence) definiteRound(last *cand) bool {
	if s.fundSize(last) {
		return true
	}
	if len(s.toks) < 3 || len(s.money) != 1 || last.kind != pulse.KindFundingRound {
		return false
	}
	switch s.toks[0].lower {
	case "the", "this", "that", "la", "le", "el", "die", "der", "das", "o", "a":
	default:
		return false
	}
	if s.toks[1].money != 1 {
		return false
	}
	e := s.moneyEnd(1)
	if e >= len(s.toks) || !s.isTrigAt(e, tRound) && !(e+1 < len(s.toks) && s.isTrigAt(e+1, tRound)) {
		return false
	}
	m := s.money[0]
	switch {
	case last.money == nil:
		last.money = m
	case last.bare && dollars[m.Currency] && math.Abs(last.money.Amount-m.Amount) <= 0.01*m.Amount:
		last.money, last.bare = m, false
	default:
		return false
	}
	return true
}

// roundRightAfter reports a round stage or "equity" within two words after
// the amount ending at token e.
func (s *sentence) roundRightAfter(e int) bool {
	for x := e; x < len(s.toks) && x < e+2; x++ {
		if r, _ := roundAt(s.toks, x); r != "" {
			return true
		}
		switch s.toks[x].lower {
		case "equity", "round", "close", "extension":
			return x+1 >= len(s.toks) || s.toks[x+1].lower != "fund"
		}
	}
	return false
}

// titleCase reports a headline that capitalises most of its words.
func titleCase(toks []token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if !t.word || t.money > 0 || len(t.text) < 4 {
			continue
		}
		words++
		if unicode.IsUpper(firstRune(t.text)) {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*7
}

// dealValueOf reads "The deal is valued at $X", "O valor da transação é de
// R$ 320 milhões" after an acquisition told without a price as its price.
func (s *sentence) dealValueOf(last *cand) bool {
	if last.money != nil || last.kind != pulse.KindAcquisition && last.kind != pulse.KindInvestment || len(s.money) != 1 {
		return false
	}
	deal, value := false, false
	for x, t := range s.toks {
		if x >= 8 {
			break
		}
		switch t.lower {
		case "deal", "transaction", "transação", "operação", "operación", "opération", "transaktion", "acquisition", "purchase", "aquisição", "adquisición":
			deal = true
		case "valued", "worth", "value", "valor", "montant", "wert", "price", "priced", "importe", "consideration":
			value = true
		}
	}
	if !deal || !value {
		return false
	}
	last.money = s.money[0]
	return true
}

// fundSize reads "The fund will provide $1 million a year" after a fund
// launched without a size as that fund's size.
func (s *sentence) fundSize(last *cand) bool {
	if last.kind != pulse.KindFund || last.money != nil || len(s.money) == 0 || len(s.toks) < 3 {
		return false
	}
	x := 0
	if s.toks[0].lower != "the" && s.toks[0].lower != "this" {
		return false
	}
	x++
	if s.toks[x].lower == "new" {
		x++
	}
	if l := s.toks[x].lower; l != "fund" && l != "vehicle" {
		return false
	}
	last.money = s.money[0]
	return true
}

// dealPrice reports "a deal valued at", "in a transaction worth" just
// before the amount at k.
func (s *sentence) dealPrice(k int) bool {
	for x := max(0, k-5); x < k; x++ {
		switch s.toks[x].lower {
		case "deal", "transaction", "takeover", "merger", "buyout":
			for y := x + 1; y < k; y++ {
				switch s.toks[y].lower {
				case "valued", "worth", "valuing":
					return true
				}
			}
		}
	}
	return false
}

// fundCommit returns the fund an amount ending at token e is committed to:
// "$100 million to a jointly managed fund".
func (s *sentence) fundCommit(e int) *trig {
	if e >= len(s.toks) || s.toks[e].lower != "to" && s.toks[e].lower != "into" {
		return nil
	}
	for x := range s.trigs {
		if t := &s.trigs[x]; t.class == tFund && t.i > e && t.i <= e+5 {
			return t
		}
	}
	return nil
}

// fundSuffix is the fund part of a fund's name: " Fund III", "Fund II".
var fundSuffix = regexp.MustCompile(`\s*\b(?:Fund|Fonds|Fondo|Fundo)(?: [IVX]+| \d+)?$`)

// bareFund reports a fund named without its manager: "Fund II".
func bareFund(n string) bool {
	m := fundSuffix.FindStringIndex(n)
	return m != nil && m[0] == 0
}

// fundNamePat matches a fund named in capitalised words: "the Acme–Beta AI
// fund", "Northwind Growth Fund II".
var fundNamePat = regexp.MustCompile(`\b\p{Lu}[\p{L}\d]*(?:[–\-’'&]\p{Lu}?[\p{L}\d]*)*(?: \p{Lu}[\p{L}\d]*(?:[–\-’'&]\p{Lu}?[\p{L}\d]*)*)* [Ff]und(?: [IVX]+\b)?`)

// namedFund finds the first fund the text names in capitalised words.
func namedFund(text string) (name, bool) {
	for _, loc := range fundNamePat.FindAllStringIndex(text, -1) {
		st, t := loc[0], text[loc[0]:loc[1]]
		for {
			w, rest, ok := strings.Cut(t, " ")
			if !ok || !capStop[strings.ToLower(w)] {
				break
			}
			st, t = st+len(w)+1, rest
		}
		if strings.Count(t, " ") >= 1 && !capStop[strings.ToLower(strings.Fields(t)[0])] {
			return name{text: t, start: st, end: st + len(t)}, true
		}
	}
	return name{}, false
}

// passive reports "invested by": the investors follow, the receiver is
// named elsewhere.
func (s *sentence) passive(t *trig) bool {
	return t.j < len(s.toks) && (s.toks[t.j].lower == "by" || s.toks[t.j].lower == "from")
}

// investorLed handles "Orchard Ventures led a $22 million Series B in
// Tillable": the subject is the lead investor, the company follows "in".
func (s *sentence) investorLed(text string, c *cand, k, e int) bool {
	v := -1
	for x := k - 1; x >= 0 && x >= k-4; x-- {
		switch s.toks[x].lower {
		case "led", "co-led", "leads", "leading", "co-leading", "headed", "backed", "joined", "participated":
			v = x
		}
	}
	if v < 0 {
		return false
	}
	inv, ok := s.subject(text, v)
	if !ok {
		// "the firm said it had led", "including leading the round of X"
		if inv, ok = s.firstSubject(text, v); !ok {
			return false
		}
	}
	for x := e; x < len(s.toks) && x < e+6; x++ {
		if s.toks[x].lower == "in" || s.toks[x].lower == "into" || s.toks[x].lower == "of" && s.isTrigAt(x-1, tRound) {
			if n, ok := s.objectAfter(text, x+1, 4); ok {
				c.company = n
				c.investors = append(c.investors, inv)
				if s.toks[v].lower != "backed" && s.toks[v].lower != "joined" && s.toks[v].lower != "participated" {
					c.leads = append(c.leads, inv)
				}
				return true
			}
		}
	}
	return false
}

// grantVerb reports "was granted", "has been awarded", "approved for":
// programme language, not a venture round.
func (s *sentence) grantVerb(t *trig) bool {
	for x := t.i; x < t.j; x++ {
		if l := s.toks[x].lower; strings.HasPrefix(l, "grant") || strings.HasPrefix(l, "award") || l == "approved" || l == "selected" || l == "recommended" {
			return true
		}
	}
	return false
}

// closeWord reports a fund close or launch: "first close", "launched".
func (s *sentence) closeWord() bool {
	for _, t := range s.toks {
		switch t.lower {
		case "close", "closing", "launched", "launches", "launch", "unveiled", "unveils", "announced", "raised",
			"geschlossen", "abgeschlossen", "cerró", "cierra", "clôturé", "clôture", "fechou", "chiuso", "closes", "closed":
			return true
		}
	}
	return false
}

// hasIPOPhrase reports an explicit initial public offering.
func (s *sentence) hasIPOPhrase() bool {
	for _, t := range s.trigs {
		if t.class == tIPO && (s.toks[t.i].lower == "ipo" || s.toks[t.i].lower == "initial") {
			return true
		}
	}
	return false
}

// pick returns the trigger of classes nearest to k within dist.
func (s *sentence) pick(k, dist int, classes ...int) *trig { return s.nearest(k, dist, classes...) }

// lastBefore returns the last trigger of class before token k.
func (s *sentence) lastBefore(k, class int) *trig {
	var best *trig
	for x := range s.trigs {
		t := &s.trigs[x]
		if t.class == class && t.i < k {
			best = t
		}
	}
	return best
}

// commitAfter returns a spending-commitment noun right after an amount:
// "a $1.5 billion investment in".
func (s *sentence) commitAfter(e int) *trig {
	for x := range s.trigs {
		t := &s.trigs[x]
		if t.class == tCommit && t.i >= e && t.i <= e+2 {
			return t
		}
	}
	return nil
}

// adjacentName reports "Name $X" with nothing in between, as roundups list.
func (s *sentence) adjacentName(k int) bool {
	if k > 0 && (s.toks[k-1].text == "(" || s.toks[k-1].text == ":" || s.toks[k-1].text == "–" || s.toks[k-1].text == "—") {
		k-- // "Acmeo ($5M)", "Acmeo: $5M", "Acmeo – $5M"
	}
	if k == 0 {
		return false
	}
	_, ok := s.runEndingAt(k - 1)
	return ok
}

// raiseParties finds who received the money: the subject of the verb, "for
// X", "raised by X", "X $N" or the article's company for "the company".
func (s *sentence) raiseParties(text string, c *cand, raise *trig, k, e int, focus name) {
	to := -1
	for x := e; c.kind == pulse.KindGrant && x < len(s.toks) && x < e+5; x++ {
		if l := s.toks[x].lower; l == "to" || l == "toward" || l == "towards" {
			to = x
			break
		}
	}
	if to >= 0 && s.anaphoricObject(to+1) && focus.text != "" {
		c.company = name{text: focus.text} // "a contribution of C$15 million to the company"
		if g, ok := s.firstSubject(text, k); ok {
			c.investors = append(c.investors, g)
		}
		return
	}
	if to >= 0 {
		// "The Department of Energy awarded $30 million to Acme", "ARENA
		// committed A$12 million in grant funding toward Acme's plant"
		if n, ok := s.objectAfter(text, to+1, 5); ok {
			c.company = n
			if g, ok := s.firstSubject(text, k); ok {
				c.investors = append(c.investors, g)
			}
			return
		}
	}
	at := k
	if raise != nil && k-raise.j < 12 {
		at = raise.i
	} else if raise == nil {
		// "Ironbark Mining, the miner, sold $400M of notes": the verb
		// right before the amount.
		if k > 0 && (offerVerbs[s.toks[k-1].lower] || s.verbTrigAt(k-1)) {
			at = k - 1
		}
	}
	if raise != nil && raise.i > 0 && (s.toks[raise.i-1].lower == "and" || s.toks[raise.i-1].lower == "then") {
		// "Orcadia was spun out of the University of Aberdeen in 2021 and
		// raised £4m": the clause's subject, not the last name.
		if n, ok := s.firstSubject(text, raise.i); ok && !looksLikeInvestor(n.text) {
			c.company = n
			return
		}
	}
	if n, ok := s.subject(text, at); ok {
		c.company = n
		return
	}
	if raise != nil && raise.i > 0 && strings.HasSuffix(s.toks[raise.i].lower, "ing") {
		switch s.toks[raise.i-1].lower {
		case "after", "before", "since", "while", "by", "when":
			// "Ferro Labs cut jobs, a year after raising $100 million"
			if n, ok := s.firstSubject(text, raise.i); ok {
				c.company = n
				return
			}
		}
	}
	if at != k {
		if n, ok := s.subject(text, k); ok {
			c.company = n
			return
		}
	}
	if s.anaphor(at) && s.saidIt(at) {
		// "Acme, a provider of X, today announced that it has closed":
		// "it" is the sentence's own subject.
		if n, ok := s.firstSubject(text, at); ok && !looksLikeInvestor(n.text) {
			c.company = n
			return
		}
	}
	if k > 0 && possessive[s.toks[k-1].lower] {
		// "Shares of Dabbawala Express listed after its ₹1,100 crore IPO"
		if n, ok := s.firstSubject(text, k); ok && !looksLikeInvestor(n.text) {
			c.company = n
			return
		}
	}
	if raise != nil && at == raise.i && s.anaphor(at) && focus.text != "" && pulse.NormalizeName(focus.text) != pulse.NormalizeName(firstText(c.investors)) {
		// "la jeune pousse avait obtenu une subvention de 2,5 millions
		// d'euros de l'ADEME": the pronoun is the receiver, what follows
		// the amount is who gave it.
		c.company = name{text: focus.text}
		return
	}
	// "the $30m raised by chip startup Graphcore", "round for Neo Medical",
	// "levée de 5 millions d'euros de Quarkslab".
	for x := e; x < len(s.toks) && x < e+8; x++ {
		l := s.toks[x].lower
		if l == "by" || l == "de" || l == "d'" {
			if l == "de" && x != e || l == "by" && !s.isTrigAt(x-1, tRaise) {
				continue
			}
			if n, ok := s.objectAfter(text, x+1, 7); ok && !isPlaceName(n.text) {
				c.company = n
				return
			}
		}
	}
	for x := 0; x < k; x++ {
		if s.toks[x].lower == "for" && s.nearest(x, 6, tRound) != nil {
			if n, ok := s.objectAfter(text, x+1, min(6, k-x-1)); ok && !isPlaceName(n.text) {
				c.company = n
				return
			}
		}
	}
	for x := at - 1; x >= 0 && x >= at-4; x-- {
		if generalPlural[s.toks[x].lower] && !s.toks[x].name {
			return // "Berlin startups reported raising $800M", but not "Rimal Ventures launched"
		}
		if !gapWords[s.toks[x].lower] && !verbLike(s.toks[x]) {
			break
		}
	}
	if (s.anaphor(at) || s.passiveInvestment(e)) && focus.text != "" && pulse.NormalizeName(focus.text) != pulse.NormalizeName(firstText(c.investors)) {
		c.company = name{text: focus.text}
		return
	}
	if c.kind == pulse.KindGrant && raise == nil {
		return // a programme's grant size names no grantee
	}
	if c.kind == pulse.KindFund {
		if n, ok := s.clauseSubject(text, k); ok {
			c.company = n // "..., while Orbisfund announced the first close of its second fund"
			return
		}
		if n, ok := s.firstSubject(text, at); ok {
			c.company = n
			return
		}
		// "Sable Peak's first fund, which raised $420 million": the
		// manager owns the fund.
		for _, r := range s.runs {
			if r.i >= k {
				break
			}
			if last := s.toks[r.j-1].lower; strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") {
				for x := r.j; x < k && x < r.j+4; x++ {
					if s.isTrigStart(x, tFund) {
						n := s.nameOf(text, r)
						n.text = strings.TrimSuffix(strings.TrimSuffix(n.text, "'s"), "’s")
						n.end = n.start + len(n.text)
						c.company = n
						return
					}
				}
			}
		}
	}
	if n, ok := s.looseSubject(text, k, e); ok {
		c.company = n
	}
}

// partnership reads "A's partnership with B" before token k.
func (s *sentence) partnership(text string, k int) ([2]name, bool) {
	if len(s.runs) == 0 || s.runs[0].i != 0 {
		return [2]name{}, false
	}
	r0 := s.runs[0]
	last := s.toks[r0.j-1].lower
	if !strings.HasSuffix(last, "'s") && !strings.HasSuffix(last, "’s") {
		return [2]name{}, false
	}
	for x := r0.j; x+2 < k; x++ {
		switch s.toks[x].lower {
		case "collaboration", "partnership", "deal", "agreement", "alliance", "tie-up", "pact":
			if s.toks[x+1].lower == "with" {
				if r, ok := s.runStartingAt(x + 2); ok {
					return [2]name{s.nameOf(text, r0), s.nameOf(text, r)}, true
				}
			}
		}
	}
	return [2]name{}, false
}

// passiveInvestment reports "an investment of $90 million made by X": the
// receiver is the article's company.
func (s *sentence) passiveInvestment(e int) bool {
	for x := e; x < len(s.toks) && x < e+3; x++ {
		switch s.toks[x].lower {
		case "feito", "feita", "made", "réalisé", "réalisée", "realizado", "realizada", "provided":
			return x+1 < len(s.toks) && (s.toks[x+1].lower == "by" || strings.HasPrefix(s.toks[x+1].lower, "pel") || s.toks[x+1].lower == "par" || s.toks[x+1].lower == "por")
		}
	}
	return false
}

func firstText(ns []name) string {
	if len(ns) == 0 {
		return ""
	}
	return ns[0].text
}

// isTrigStart reports whether a trigger of class starts at token x.
func (s *sentence) isTrigStart(x, class int) bool {
	for _, t := range s.trigs {
		if t.class == class && t.i == x {
			return true
		}
	}
	return false
}

// isTrigAt reports whether token x ends a trigger of class.
func (s *sentence) isTrigAt(x, class int) bool {
	for _, t := range s.trigs {
		if t.class == class && t.j-1 == x {
			return true
		}
	}
	return false
}

// afterWord reports whether the name n follows the word w.
func (s *sentence) afterWord(n name, w string) bool {
	for x := 1; x < len(s.toks); x++ {
		if s.toks[x].start == n.start || s.toks[x].end > n.start {
			return s.toks[x-1].lower == w
		}
	}
	return false
}

// sellsStake reports "sell a 49% stake", "vendido una participación del
// 40%": a stake in the seller itself.
func (s *sentence) sellsStake(t *trig) bool {
	for x := t.j; x < len(s.toks) && x < t.j+6; x++ {
		switch s.toks[x].lower {
		case "stake", "share", "holding", "participación", "participação", "participation", "beteiligung", "quota", "partecipazione":
			return true
		case "to", "al", "à", "an", "ao":
			return false
		}
		if s.toks[x].name {
			return false
		}
	}
	return false
}

// located reports a name after "near" or "outside": where a bought asset
// stands, not what was bought.
func (s *sentence) located(n name) bool {
	for x := 1; x < len(s.toks); x++ {
		if s.toks[x].start == n.start {
			l := s.toks[x-1].lower
			return l == "near" || l == "outside" || l == "nahe" || l == "près"
		}
	}
	return false
}

// acquisitionParties: "A acquires B", "A's acquisition of B", "B was sold to A".
func (s *sentence) acquisitionParties(text string, c *cand, t *trig) {
	switch t.class {
	case tAcquire:
		if n, ok := s.boughtAfter(text, t.j, 12); ok {
			c.company = n
			if s.afterWord(n, "from") {
				// "the purchase of the Pecos Flats campus, a site that it
				// agreed to acquire from Redline Power": the asset was named
				// before; the seller stands in only when it was not.
				for _, o := range s.trigs {
					if o.class == tAcqNoun && o.i < t.i {
						if m, ok := s.objectAfter(text, o.j, 6); ok && !s.afterWord(m, "from") {
							c.company = m
						}
					}
				}
			}
			if s.located(n) {
				// "buy a mining campus near Pecos, Texas, from Cinderhill
				// Mining": the seller owned what was bought.
				c.company = name{}
				for x := t.j; x < len(s.toks) && x < t.j+16; x++ {
					if s.toks[x].lower == "from" {
						if m, ok := s.objectAfter(text, x+1, 4); ok && !isPlaceName(m.text) {
							c.company = m
						}
						break
					}
				}
			}
		}
		if n, ok := s.subject(text, t.i); ok {
			c.investors = append(c.investors, n)
		} else if n, ok := s.firstSubject(text, t.i); ok && n.text != c.company.text {
			c.investors = append(c.investors, n)
		}
	case tAcqNoun:
		if n, ok := s.boughtAfter(text, t.j, 12); ok {
			c.company = n
		}
		if t.i > 0 {
			b := t.i - 1
			for b > 0 && s.toks[b].money > 0 {
				b-- // "Fagerlund's €350 million purchase of"
			}
			if b > 0 && (s.toks[b].text == "'" || s.toks[b].text == "’") {
				b-- // "Meridian Microsystems' purchase of"
			}
			if r, ok := s.runEndingAt(b); ok {
				c.investors = append(c.investors, s.nameOf(text, r))
			} else if n, ok := s.firstSubject(text, t.i); ok && n.text != c.company.text {
				c.investors = append(c.investors, n)
			}
		}
	case tSell:
		if s.sellsStake(t) {
			// "Ironwood Campus agreed to sell a 49% stake to Maple Leaf":
			// the seller's own business is what is bought into.
			if n, ok := s.subject(text, t.i); ok {
				c.company = n
			} else if n, ok := s.firstSubject(text, t.i); ok {
				c.company = n
			}
			for x := t.j; x < len(s.toks) && x < t.j+10; x++ {
				if l := s.toks[x].lower; l == "to" || l == "al" || l == "à" || l == "an" || l == "ao" {
					if b, ok := s.objectAfter(text, x+1, 6); ok {
						c.investors = append(c.investors, b)
					}
					break
				}
			}
			break
		}
		// "Shopify agreed to sell Deliverr to Flexport": the object is sold,
		// the buyer follows "to".
		if n, ok := s.objectAfter(text, t.j, 8); ok {
			c.company = n
			for x := t.j; x < len(s.toks) && x < t.j+14; x++ {
				if l := s.toks[x].lower; (l == "to" || l == "an" || l == "à" || l == "a") && x > t.j {
					if b, ok := s.objectAfter(text, x+1, 5); ok && b.text != n.text {
						c.investors = append(c.investors, b)
					}
					break
				}
			}
		}
	case tSold:
		// The buyer follows "to", "by", "an", "à", "para".
		p := -1
		for x := max(0, t.i-8); x < len(s.toks) && x < t.j+3; x++ {
			switch s.toks[x].lower {
			case "to", "by", "an", "à", "para", "par", "von", "por", "pela", "pelo", "dalla", "dal", "door":
				if x >= t.i-8 {
					p = x
				}
			}
			if p >= 0 {
				break
			}
		}
		if p < 0 {
			p = t.j
		}
		if n, ok := s.objectAfter(text, p+1, 6); ok {
			c.investors = append(c.investors, n)
		}
		from := min(p, t.i)
		if n, ok := s.subject(text, from); ok {
			c.company = n
		} else if n, ok := s.firstSubject(text, from); ok {
			c.company = n
		}
	}
}

// investmentParties: "A invests $N in B", "A's $N investment in India".
func (s *sentence) investmentParties(text string, c *cand, t *trig, k int, focus name) {
	strict := false
	if n, ok := s.subject(text, min(t.i, k)); ok {
		c.investors = append(c.investors, n)
		strict = true
	} else if s.anaphorAt(0, min(t.i, k)) && focus.text != "" && !startsWithPossessive(s) {
		// "The company also announced a $1 billion investment supporting
		// AI skills training": the story's company spends.
		c.investors = append(c.investors, name{text: focus.text})
		strict = true
	} else if n, ok := s.firstSubject(text, min(t.i, k)); ok {
		c.investors = append(c.investors, n)
	} else if p, ok := s.partnership(text, k); ok {
		// "A's collaboration with B involves a $2 billion investment"
		c.investors = append(c.investors, p[0])
		c.company = p[1]
		return
	}
	defer func() {
		// A spender with no named target counts only for a commitment
		// ("a $4 billion investment"), not "invested in five companies".
		if c.company.text == "" && (!strict || t.class == tInvest) {
			c.investors = nil
		}
	}()
	for x := max(t.j, k); x+2 < len(s.toks) && x < max(t.j, k)+10; x++ {
		// "to invest AED 3.7 billion to build the Sarab AI Campus"
		if s.toks[x].lower == "to" && (s.toks[x+1].lower == "build" || s.toks[x+1].lower == "develop" || s.toks[x+1].lower == "construct") &&
			x+3 < len(s.toks) && s.toks[x+2].lower == "the" {
			if r, ok := s.runStartingAt(x + 3); ok && r.j-r.i >= 2 && !isPlace(s.toks, r) {
				c.company = s.nameOf(text, r) // a named project
				return
			}
		}
	}
	for x := max(t.j, k); x < len(s.toks) && x < max(t.j, k)+12; x++ {
		l := s.toks[x].lower
		if l == "in" || l == "into" || l == "across" || l == "em" || l == "en" || l == "dans" {
			if n, ok := s.objectAfter(text, x+1, 8); ok {
				if len(c.investors) > 0 && n.text == c.investors[0].text {
					continue
				}
				c.company = n
				if !isPlaceName(n.text) && t.class == tInvest && !s.spendingPlan(x) {
					c.kind = pulse.KindFundingRound
				}
				return
			}
		}
		if s.toks[x].text == "." || s.toks[x].text == ";" {
			break
		}
	}
}

// spendingPlan reports "in X over five years to build", "to develop": a
// company's own spending on a project, not a stake in a startup.
func (s *sentence) spendingPlan(from int) bool {
	for x := from; x < len(s.toks) && x < from+12; x++ {
		switch s.toks[x].lower {
		case "build", "develop", "construct", "expand", "establish", "over", "campus", "facility", "plant", "hub", "centre", "center", "centers", "centres", "factory", "site":
			return true
		}
	}
	return false
}

// startsWithPossessive reports "Its ...", whose owner is named elsewhere.
func startsWithPossessive(s *sentence) bool {
	return len(s.toks) > 0 && possessive[s.toks[0].lower]
}

// addInvestors reads investor lists after cues ("led by", "from") in s and
// adds them to c.
func (s *sentence) addInvestors(text string, c *cand, from int) bool {
	return s.investorsAfter(text, c, from, false)
}

// investorsIn reads investor lists whose cue lies in tokens [from, to).
func (s *sentence) investorsIn(text string, c *cand, from, to int, followUp bool) bool {
	if to >= len(s.toks) {
		return s.investorsAfter(text, c, from, followUp)
	}
	cut := *s
	cut.toks = s.toks[:to]
	return cut.investorsAfter(text, c, from, followUp)
}

// investorsAfter reads investor lists from token from on. In a follow-up
// sentence only explicit cues count ("led by", "participated"), not a bare
// "from" or "including", which there introduce sources and examples.
func (s *sentence) investorsAfter(text string, c *cand, from int, followUp bool) bool {
	n0 := len(c.investors)
	seen := map[string]bool{}
	for _, n := range c.investors {
		seen[pulse.NormalizeName(n.text)] = true
	}
	add := func(n name, lead bool) {
		key := pulse.NormalizeName(n.text)
		if key == "" || bareNouns[strings.ToLower(n.text)] || strings.Contains(" "+pulse.NormalizeName(c.company.text)+" ", " "+key+" ") {
			return // "investors new to Sable Peak" about Sable Peak Infrastructure
		}
		if !seen[key] {
			seen[key] = true
			c.investors = append(c.investors, n)
		}
		if lead {
			for _, l := range c.leads {
				if l.text == n.text {
					return
				}
			}
			c.leads = append(c.leads, n)
		}
	}
	for k := from; k < len(s.toks); k++ {
		for _, cue := range investorCues[s.toks[k].lower] {
			if !hasPhraseAt(s.toks, k, cue.p) {
				continue
			}
			l := cue.p[0]
			if len(cue.p) == 1 && (l == "from" || l == "by" || l == "von" || l == "bij" || l == "including") && (followUp || !s.fundingContext(k)) {
				break
			}
			if l == "by" && len(cue.p) == 1 && k > 0 && s.isTrigAt(k-1, tRaise) {
				break // "raised by Graphcore" names the company
			}
			if last := cue.p[len(cue.p)-1]; last == "participated" || last == "joined" || last == "participé" || last == "participaram" || last == "participaron" || last == "sich" && cue.p[0] != "beteiligt" || last == "part" || last == "participate" || last == "joining" || last == "participating" || last == "investing" {
				// "Existing investors A and B also participated", "with A
				// and B joining".
				st := 0
				for x := k - 1; x >= 0; x-- {
					if l := s.toks[x].lower; l == "investors" || l == "investor" || l == "backers" || l == ":" || l == "including" || l == "with" || strings.HasSuffix(l, "investoren") || l == "geldgeber" || l == "investisseurs" || l == "inversores" || l == "investidores" {
						st = x + 1
						break
					}
				}
				for _, n := range s.list(text, st) {
					add(n, false)
				}
				break
			}
			if cue.p[len(cue.p)-1] == "round" || cue.p[len(cue.p)-1] == "investment" && cue.p[0] != "from" || len(cue.p) == 1 && (l == "led" || l == "co-led") {
				// "Tiger Global led the round": the leader stands before.
				if r, ok := s.runEndingAt(k - 1); ok {
					add(s.nameOf(text, r), cue.lead)
				}
				break
			}
			for _, n := range s.list(text, k+len(cue.p)) {
				add(n, cue.lead)
			}
			k += len(cue.p) - 1
			break
		}
	}
	return len(c.investors) > n0
}

// fundingContext reports whether "from"/"by" at k follows money or a deal
// word, so what comes next are investors rather than a source or a date.
func (s *sentence) fundingContext(k int) bool {
	for x := k - 1; x >= 0 && x >= k-6; x-- {
		t := s.toks[x]
		if t.money > 0 {
			return true
		}
		switch t.lower {
		case "funding", "round", "financing", "capital", "investment", "invested", "backed", "seed", "raised", "money", "injection", "backing", "loan", "facility", "grant", "stake", "acquired":
			return true
		}
	}
	return false
}

// list parses "A, B and C" starting at token k.
func (s *sentence) list(text string, k int) []name {
	var out []name
	fails := 0
	for k < len(s.toks) && fails < 2 {
		for k < len(s.toks) && isSep(s.toks, k) && s.toks[k].text != "." {
			k++ // "; and", ", and"
		}
		if k >= len(s.toks) || s.cueAt(k) || clauseOpeners[s.toks[k].lower] {
			break // "led by A, with participation from B": B is no leader
		}
		if len(out) > 0 && (s.newClause(k) || s.ownDeal(k)) {
			break // "led by A, beteiligt haben sich zudem B": B is no leader
		}
		// One item: up to the next separator, or where a clause starts
		// after its name ("Investinor to fund a 120MW expansion").
		j, named := k, false
		for j < len(s.toks) && !isSep(s.toks, j) {
			if named && itemStops[s.toks[j].lower] {
				break
			}
			named = named || s.toks[j].name
			j++
		}
		if n, ok := s.itemName(text, k, j); ok {
			if p := len(out) - 1; p >= 0 && s.joinsName(k, j, out[p]) {
				// "Danish Export and Investment Fund" is one name.
				out[p] = name{text: text[out[p].start:n.end], start: out[p].start, end: n.end}
			} else {
				out = append(out, n)
			}
			fails = 0
		} else {
			fails++
		}
		if j >= len(s.toks) || s.toks[j].text == "." {
			break
		}
		k = j + sepLen(s.toks, j)
	}
	return out
}

// ownDeal reports a list item that tells a deal of its own: "...; Kochi-based
// Backwater Foods raised ₹60 lakh".
func (s *sentence) ownDeal(k int) bool {
	for x := k; x < len(s.toks) && x < k+8; x++ {
		if s.toks[x].money > 0 || s.verbTrigAt(x) {
			return true
		}
		if isSep(s.toks, x) {
			return false
		}
	}
	return false
}

// itemStops end an investor list item after its name.
var itemStops = set(`to for which who that whose in at on after while as`)

// newClause reports an item that opens a clause of its own: a lower-case
// verb or adverb rather than a name or a descriptor.
func (s *sentence) newClause(k int) bool {
	t := s.toks[k]
	if !t.word || !unicode.IsLower(firstRune(t.text)) {
		return false
	}
	return verbLike(t) && !descriptorHeads[t.lower] || clauseAdverbs[t.lower]
}

// clauseAdverbs open a clause after a list: "..., zudem investieren".
var clauseAdverbs = set(`zudem außerdem ebenfalls auch while whereas plus via through également aussi además también
também ainda beteiligt investieren investierten participated participate joined`)

// joinsName reports whether item [k, j), after "and", completes the name
// before it: the previous name ends right before the "and", and the item is
// capitalised words from a purpose noun to an institution noun.
func (s *sentence) joinsName(k, j int, prev name) bool {
	if k < 2 || s.toks[k-1].lower != "and" || s.toks[k-2].end != prev.end || prev.end == 0 {
		return false
	}
	for x := k; x < j; x++ {
		if !s.toks[x].word || !unicode.IsUpper(firstRune(s.toks[x].text)) {
			return false
		}
	}
	return institutionNouns[s.toks[j-1].lower] && j-k >= 2 && purposeNouns[s.toks[k].lower]
}

// institutionNouns end names that may contain "and".
var institutionNouns = set(`fund foundation bank agency authority council corporation institute trust`)

// purposeNouns open the second half of such a name: "... and Investment
// Fund", "... and Development Bank".
var purposeNouns = set(`investment investments development innovation export growth research science technology trade industry
infrastructure energy climate enterprise business finance invention`)

// cueAt reports an investor cue or "with" at token k.
func (s *sentence) cueAt(k int) bool {
	if l := s.toks[k].lower; l == "with" || l == "alongside" || l == "including" || l == "plus" {
		return true
	}
	for _, cue := range investorCues[s.toks[k].lower] {
		if len(cue.p) > 1 && hasPhraseAt(s.toks, k, cue.p) {
			return true
		}
	}
	return false
}

func isSep(toks []token, j int) bool {
	switch toks[j].lower {
	case ",", ";", ":", "and", "e", "et", "und", "y", "plus", ".", "sowie", "or", "oder", "ou", "o":
		return true
	case "as":
		return j+2 < len(toks) && toks[j+1].lower == "well" && toks[j+2].lower == "as"
	}
	return false
}

func sepLen(toks []token, j int) int {
	if toks[j].lower == "as" {
		return 3
	}
	if j+1 < len(toks) && toks[j].text == "," && isSep(toks, j+1) && toks[j+1].text != "," {
		return 2
	}
	return 1
}

// clauseOpeners start a clause about the previous name, not a new name.
var clauseOpeners = set(`which who whose that known where when while founded based whom also auch aussi también também`)

// itemName picks the name in one list item: the last name before the first
// word that is neither a descriptor nor part of a name.
func (s *sentence) itemName(text string, k, j int) (name, bool) {
	if j-k > 9 || j <= k {
		return name{}, false
	}
	// "which was an early backer of X", "TechCrunch reports": no investor.
	if clauseOpeners[s.toks[k].lower] {
		return name{}, false
	}
	for x := k; x < j; x++ {
		if reportWords[s.toks[x].lower] {
			return name{}, false
		}
	}
	// The last name in the item that is not a place: "New York investors
	// Betaworks", "major Japanese tech firms Sony", "Ash Ventures also".
	var last *run
	for x := k; x < j; x++ {
		if last != nil && prepositions[s.toks[x].lower] {
			break // "Santander for Portuguese AI campus"
		}
		r, ok := s.runStartingAt(x)
		if !ok && x == k {
			// A run that began before the cue: "Runde von Atlantic Labs".
			for _, o := range s.runs {
				if o.i < k && k < o.j {
					r, ok = run{k, o.j}, s.toks[k].name
				}
			}
		}
		if ok {
			rr := r
			if rr.j > j {
				rr.j = j
			}
			if !isGenericRun(s.toks, rr) && !isPlace(s.toks, rr) && !(rr.j-rr.i == 1 && (notCompany[s.toks[rr.i].lower] || techAcronyms[s.toks[rr.i].lower])) && !(x > k && (s.toks[x-1].lower == "aus" || s.toks[x-1].lower == "from" || s.toks[x-1].lower == "in")) {
				last = &rr
			}
			x = rr.j - 1
		}
	}
	if last == nil {
		return name{}, false
	}
	return s.nameOf(text, *last), true
}

// plainDeals finds deals stated without an amount: acquisitions, IPOs that
// happened, and rounds of undisclosed size.
func (s *sentence) plainDeals(text string, focus name) []*cand {
	if cs := s.colonList(text); len(cs) > 0 {
		return cs
	}
	for x := range s.trigs {
		t := &s.trigs[x]
		if s.blocked(t.j+2) || findPhrase(s.toks, 0, len(s.toks), cancelled) >= 0 {
			continue
		}
		c := &cand{kindAt: Span{s.toks[t.i].start, s.toks[t.j-1].end}}
		switch t.class {
		case tAcquire, tAcqNoun, tSold, tSell:
			if t.class == tSell && s.assetSale(t) {
				// "Bitdeer has sold all of the bitcoin it held": a
				// treasury sale, not a takeover.
				n, ok := s.subject(text, t.i)
				if !ok {
					continue
				}
				c.kind, c.company = pulse.KindOther, n
				return []*cand{c}
			}
			if t.class == tAcquire && (strings.HasPrefix(s.toks[t.i].lower, "buy") || s.toks[t.i].lower == "purchasing") && !s.agreedPurchase(t) {
				continue // "buy" alone is shopping, not a takeover
			}
			c.kind = pulse.KindAcquisition
			s.acquisitionParties(text, c, t)
			if c.company.text == "" && t.class == tSold && s.anaphor(t.i) && focus.text != "" {
				c.company = name{text: focus.text} // "It was bought by Cresthaven Partners in 2021"
			}
			if len(c.investors) == 0 && t.i > 0 && possessive[s.toks[t.i-1].lower] && focus.text != "" && focus.text != c.company.text {
				c.investors = append(c.investors, name{text: focus.text}) // "its purchase of X"
			}
			if c.company.text == "" || len(c.investors) == 0 || isPlaceName(c.company.text) || implausibleCompany(c.company.text, c.kind) || implausibleCompany(c.investors[0].text, c.kind) {
				continue
			}
			s.stakeOf(text, c)
			if c.stake > 0 && c.stake < 50 {
				c.kind = pulse.KindInvestment
			}
		case tOffering:
			// "Acme completed a private placement", "sold its treasury".
			if t.j-t.i == 1 && s.toks[t.i].lower != "treasury" || s.toks[t.i].lower == "warrants" {
				continue
			}
			n, ok := s.firstSubject(text, t.i)
			if !ok {
				continue
			}
			c.kind, c.company = pulse.KindOther, n
		case tFund:
			// "Zerodha launched a new fund, FLOSS/fund": a fund launched
			// with its size told later, or not at all.
			v := -1
			for x := t.i - 1; x >= 0 && x >= t.i-4; x-- {
				switch s.toks[x].lower {
				case "launched", "launches", "unveiled", "unveils", "set", "sets", "rolled", "rolls", "started", "starts":
					v = x
				}
			}
			if v < 0 || s.toks[t.i].lower != "fund" && s.toks[t.i].lower != "vehicle" {
				continue
			}
			n, ok := s.subject(text, v)
			if !ok {
				continue
			}
			c.kind, c.company = pulse.KindFund, n
		case tIPO:
			switch s.toks[t.i].lower {
			case "went", "listed", "debuted", "began":
			default:
				continue
			}
			n, ok := s.subject(text, t.i)
			if !ok {
				continue
			}
			c.kind, c.company = pulse.KindIPO, n
		case tRaise:
			// "Acme raises undisclosed seed funding".
			if !hasWordIn(s.toks, t.j, t.j+6, "undisclosed", "unnamed", "seven-figure", "eight-figure", "six-figure", "mid", "funding", "round", "seed", "capital", "investment", "backing", "financing") &&
				!hasWordIn(s.toks, t.i, t.j, "donors", "investors", "backers", "backing") {
				continue
			}
			n, ok := s.subject(text, t.i)
			if !ok {
				continue
			}
			c.kind, c.company = pulse.KindFundingRound, n
			c.round, c.roundAt = s.roundNear(text, t.j)
			s.addInvestors(text, c, t.j)
			out := []*cand{c}
			// "Adiposs and Emovo Care both received funding": one deal each.
			for _, o := range s.coSubjects(text, n) {
				d := *c
				d.company = o
				out = append(out, &d)
			}
			return out
		default:
			continue
		}
		s.addInvestors(text, c, t.j)
		return []*cand{c}
	}
	return nil
}

// minorityStake reports "a minority stake": less than half, so an
// investment rather than a takeover.
func (s *sentence) minorityStake() bool {
	for x := 0; x+1 < len(s.toks); x++ {
		if s.toks[x].lower == "minority" && (s.toks[x+1].lower == "stake" || s.toks[x+1].lower == "interest" || s.toks[x+1].lower == "investment") {
			return true
		}
	}
	return false
}

// agreedPurchase reports "agreed to buy a majority stake in X", "will buy
// X": a purchase of a company rather than of goods.
func (s *sentence) agreedPurchase(t *trig) bool {
	agreed := false
	for x := max(0, t.i-3); x < t.i; x++ {
		switch s.toks[x].lower {
		case "agreed", "agrees", "agree", "will", "to":
			agreed = true
		}
	}
	if !agreed {
		return false
	}
	for x := t.j; x < len(s.toks) && x < t.j+5; x++ {
		if s.toks[x].lower == "stake" || s.toks[x].name {
			return true
		}
	}
	return false
}

// assetSale reports a seller parting with its own reserves rather than a
// business: "sold all of the bitcoin it held", "dumps its bitcoin stack".
func (s *sentence) assetSale(t *trig) bool {
	own := false
	for x := t.j; x < len(s.toks) && x < t.j+6; x++ {
		switch l := s.toks[x].lower; {
		case l == "its" || l == "all" || l == "entire" || l == "their":
			own = true
		case reserveWords[l]:
			return own
		case l == "to" || l == "." || s.toks[x].name:
			return false
		}
	}
	return false
}

// reserveWords are assets a company holds on its balance sheet.
var reserveWords = set(`bitcoin bitcoins btc ether ethereum eth crypto cryptocurrency treasury reserves holdings tokens`)

// colonList reads "Two mobility firms issued debt: Acme and Beta" as one
// deal per listed name.
func (s *sentence) colonList(text string) []*cand {
	col := -1
	for x, t := range s.toks {
		if t.text == ":" && t.end < len(text) && text[t.end] == ' ' {
			col = x
			break
		}
	}
	if col < 2 || col > len(s.toks)-2 {
		return nil
	}
	var kind pulse.DealKind
	var at *trig
	for x := range s.trigs {
		t := &s.trigs[x]
		if t.j > col {
			continue
		}
		switch t.class {
		case tDebt:
			kind, at = pulse.KindDebt, t
		case tGrant:
			if kind == "" || kind == pulse.KindFundingRound {
				kind, at = pulse.KindGrant, t
			}
		case tRaise, tRound:
			if kind == "" {
				kind, at = pulse.KindFundingRound, t
			}
		}
	}
	if kind == "" || s.nearest(col, col, tRaise) == nil || s.blocked(col) {
		return nil
	}
	// The list must be all names: nothing else after the colon.
	var out []*cand
	for _, n := range s.list(text, col+1) {
		c := &cand{kind: kind, company: n, kindAt: Span{s.toks[at.i].start, s.toks[at.j-1].end}}
		if kind == pulse.KindFundingRound {
			c.round = "undisclosed"
		}
		out = append(out, c)
	}
	return out
}

// coSubjects returns the names joined to subject n by "and" or commas
// before it: "A, B and C raised".
func (s *sentence) coSubjects(text string, n name) []name {
	var out []name
	x := -1
	for i, t := range s.toks {
		if t.start <= n.start && n.start < t.end {
			x = i
		}
	}
	if r, ok := s.runAt(x); ok {
		x = r.i // "Chile's Nieblaqua": the run starts at the place
	}
	for x > 1 {
		sep := s.toks[x-1].lower
		if sep != "and" && sep != "," && sep != "&" && sep != "e" && sep != "et" && sep != "und" {
			break
		}
		r, ok := s.runEndingAt(x - 2)
		if !ok || isPlace(s.toks, r) || isGenericRun(s.toks, r) {
			break
		}
		out = append(out, s.nameOf(text, r))
		x = r.i
	}
	return out
}

func hasWordIn(toks []token, a, b int, words ...string) bool {
	for x := max(a, 0); x < b && x < len(toks); x++ {
		for _, w := range words {
			if strings.Contains(toks[x].lower, w) {
				return true
			}
		}
	}
	return false
}

// followStake takes a stake percentage from a sentence after the deal that
// names the deal's company next to the word "stake".
func (s *sentence) followStake(text string, c *cand) {
	if c.company.text == "" || !strings.Contains(text[s.span.Start:s.span.End], c.company.text) {
		return
	}
	if c.kind != pulse.KindAcquisition && c.kind != pulse.KindInvestment && c.kind != pulse.KindOther {
		return
	}
	s.stakeOf(text, c)
}

// stakeOf reads "a 64% stake", "26 per cent stake", "stake ... to 14%".
func (s *sentence) stakeOf(text string, c *cand) {
	sent := text[s.span.Start:s.span.End]
	lower := strings.ToLower(sent)
	if !strings.Contains(lower, "stake") && !strings.Contains(lower, "anteil") && !strings.Contains(lower, "participação") && !strings.Contains(lower, "participación") && !strings.Contains(lower, "majority") {
		return
	}
	for _, p := range money.FindPercents(sent) {
		after := lower[p.End:min(len(lower), p.End+40)]
		before := lower[max(0, p.Start-40):p.Start]
		if strings.Contains(after, "stake") || strings.Contains(after, "anteil") || strings.Contains(after, "particip") || strings.Contains(after, "interest") || strings.Contains(after, "of the") || strings.Contains(before, "stake") {
			c.stake = p.Value
			c.stakeAt = Span{s.span.Start + p.Start, s.span.Start + p.End}
			return
		}
	}
}

// roundNear finds the stage of a round nearest to token k.
func (s *sentence) roundNear(text string, k int) (pulse.Round, Span) {
	best, bd := pulse.Round(""), 1<<30
	var at Span
	// Only between the neighbouring amounts: "A raised $6M, while B closed
	// a $10M Series A" gives A no round.
	lo, hi := 0, len(s.toks)
	if k < len(s.toks) && s.toks[k].money > 0 {
		for x := k - 1; x >= 0; x-- {
			if s.toks[x].money > 0 {
				lo = x + 1
				break
			}
		}
		for x := s.moneyEnd(k); x < len(s.toks); x++ {
			if s.toks[x].money > 0 {
				hi = x
				break
			}
		}
	}
	for x := lo; x < hi; x++ {
		r, n := roundAt(s.toks, x)
		if r == "" {
			continue
		}
		d := x - k
		if d < 0 {
			d = -d
		}
		if d < bd {
			best, bd = r, d
			at = Span{s.toks[x].start, s.toks[x+n-1].end}
		}
	}
	if best == "" {
		return "undisclosed", Span{}
	}
	return best, at
}

// roundAt reads a round stage at token x and returns it and its length.
func roundAt(toks []token, x int) (pulse.Round, int) {
	l := toks[x].lower
	next := func(i int) string {
		if x+i < len(toks) {
			return toks[x+i].lower
		}
		return ""
	}
	series := func(letter string) pulse.Round {
		if len(letter) == 1 && letter[0] >= 'a' && letter[0] <= 'h' {
			return pulse.Round("series_" + letter)
		}
		return ""
	}
	switch {
	case l == "series" || l == "série" || l == "serie" || l == "séries":
		// "Series A", "Series A-Runde", "série B"
		if r := series(strings.SplitN(next(1), "-", 2)[0]); r != "" {
			return r, 2
		}
	case strings.HasPrefix(l, "series-") || strings.HasPrefix(l, "serie-") || strings.HasPrefix(l, "série-"):
		parts := strings.Split(l, "-")
		if r := series(parts[1]); r != "" {
			return r, 1
		}
	case l == "pre-series" || l == "pre-série":
		if next(1) == "a" {
			return "pre_series_a", 2
		}
		if next(1) == "b" {
			return "pre_series_b", 2
		}
	case strings.HasPrefix(l, "pre-series-a"):
		return "pre_series_a", 1
	case l == "pre-seed" || l == "preseed" || l == "pré-seed" || l == "pre-semente":
		return "pre_seed", 1
	case l == "pre" && next(1) == "seed":
		return "pre_seed", 2
	case l == "seed" || l == "semente" || l == "seed-runde" || strings.HasPrefix(l, "seed-finanz") || l == "amorçage" || l == "semilla" || l == "种子轮" || l == "天使轮" || l == "seedronde" || l == "seedrunde":
		if next(1) == "fund" || next(1) == "funds" || next(1) == "stage" || next(1) == "-" {
			return "", 0
		}
		return "seed", 1
	case l == "angel" && (next(1) == "round" || next(1) == "funding" || next(1) == "investment"):
		return "angel", 1
	case l == "strategic" && (next(1) == "round" || next(1) == "investment" || next(1) == "funding" || next(1) == "growth"):
		return "strategic", 1
	case l == "growth" && (next(1) == "round" || next(1) == "funding" || next(1) == "equity" || next(1) == "financing"):
		return "growth", 1
	case l == "bridge" && (next(1) == "round" || next(1) == "funding" || next(1) == "financing" || next(1) == "loan"):
		return "bridge", 1
	}
	return "", 0
}

// mentionedTwice reports whether n occurs again near the sentence sp: a
// name said once is rarely what "the company" later refers to.
func mentionedTwice(text string, sp Span, n string) bool {
	n = baseName(n) // "Synthara Inc." is said again as "Synthara"
	const window = 8 << 10
	w := text[max(0, sp.Start-window):min(len(text), sp.End+window)]
	i := strings.Index(w, n)
	return i >= 0 && strings.Contains(w[i+len(n):], n)
}

// aboutInvestors reports a sentence that tells who invested.
func (s *sentence) aboutInvestors() bool {
	for _, t := range s.toks {
		switch t.lower {
		case "led", "co-led", "participated", "invested", "backed", "joined", "investors", "investor":
			return true
		}
	}
	return false
}

// investorSubject reports a subject whose verb says it invested: "Tiger
// Global led the round", "Sequoia also participated".
func (s *sentence) investorSubject(n name) bool {
	for x, t := range s.toks {
		if t.start < n.end {
			continue
		}
		for y := x; y < len(s.toks) && y < x+8; y++ {
			switch s.toks[y].lower {
			case "led", "co-led", "participated", "invested", "backed", "joined", "invests", "leads", "co-leads":
				return true
			}
			if s.skip[y] || gapWords[s.toks[y].lower] || s.toks[y].text == "," {
				continue
			}
			if s.toks[y].word {
				return false
			}
		}
		return false
	}
	return false
}

// investorDescribed reports a name the text introduces as an investor:
// "investment firm MGX", "the VC firm Acme".
func investorDescribed(text string, n name) bool {
	if n.end == 0 {
		return false
	}
	before := strings.ToLower(text[max(0, n.start-40):n.start])
	for _, d := range []string{"investment firm", "vc firm", "venture capital firm", "venture firm", "private equity", "asset manager", "fund manager", "investment company", "investment manager", "sovereign wealth fund"} {
		if strings.Contains(before, d) {
			return true
		}
	}
	return false
}

// looksLikeInvestor reports a fund manager's name: such a firm "raising"
// money is raising a fund.
func looksLikeInvestor(n string) bool {
	for _, w := range strings.Fields(strings.ToLower(n)) {
		switch w {
		case "capital", "ventures", "partners", "vc", "fund", "investments", "investment", "equity", "asset", "management", "advisors", "fonds":
			return true
		}
	}
	return false
}

// reported reports "said (on Tuesday) it" before token x.
func (s *sentence) reported(x int) bool {
	for y := x - 1; y >= 0 && y >= x-4; y-- {
		switch s.toks[y].lower {
		case "said", "says", "announced", "confirmed", "agreed":
			return true
		}
	}
	return false
}

// blocked reports a plan, talk or rumour before token k. Reported speech
// is not a plan: "Acme said it would buy Beta for $5 billion" announces a
// deal.
func (s *sentence) blocked(k int) bool {
	for x := 0; x < k && x < len(s.toks); x++ {
		if s.skip[x] && !(k < len(s.skip) && s.skip[k]) {
			continue // "Vantor Grid, a startup that forecasts load, raised"
		}
		for _, p := range blockers[s.toks[x].lower] {
			if !hasPhraseAt(s.toks, x, p) {
				continue
			}
			if p[0] == "would" && x >= 2 && (s.toks[x-1].lower == "it" || s.toks[x-1].lower == "they") && s.reported(x-1) {
				continue
			}
			return true
		}
	}
	return false
}
