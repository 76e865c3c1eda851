// Package eval scores predicted deals against a labelled set exactly as the
// reference scorer eval/score.py does: same name normalisation, matching
// rules, greedy best-pairs-first pairing, rounding and output format.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Set is a JSON Lines file of cases keyed by id, in first-seen order.
type Set struct {
	ids   []string
	cases map[string]map[string]any
}

// Len returns the number of cases.
func (s *Set) Len() int { return len(s.ids) }

// IDs returns the case ids in file order.
func (s *Set) IDs() []string { return s.ids }

// Case returns the decoded object of one case.
func (s *Set) Case(id string) map[string]any { return s.cases[id] }

// Load reads a JSON Lines set; name is used in error messages.
func Load(r io.Reader, name string) (*Set, error) {
	s := &Set{cases: map[string]map[string]any{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			return nil, fmt.Errorf("%s:%d: not JSON: %w", name, n, err)
		}
		raw, ok := obj["id"]
		if !ok {
			return nil, fmt.Errorf("%s:%d: no id", name, n)
		}
		id := pyStr(raw)
		if _, seen := s.cases[id]; !seen {
			s.ids = append(s.ids, id)
		}
		s.cases[id] = obj
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return s, nil
}

// Result holds the figures score.py prints, in its order. Nil pointers
// print as None (null in JSON).
type Result struct {
	Cases                       int
	CasesWithoutPrediction      int
	GoldEvents                  int
	PredictedEvents             int
	Matched                     int
	Precision, Recall, F1       float64
	KindAccuracy, RoundAccuracy *float64
	InvestorPrecision           float64
	InvestorRecall              float64
	NegativeCases               int
	NegativeCasesWithFalseDeals int
}

// Score compares predictions with the gold set; with showErrors it also
// returns one line per unmatched event.
func Score(gold, pred *Set, showErrors bool) (Result, []string) {
	var r Result
	tp, fp, fn := 0, 0, 0
	kindOK, kindN, roundOK, roundN := 0, 0, 0, 0
	invTP, invFP, invFN := 0, 0, 0
	var errs []string
	for _, cid := range gold.ids {
		g := gold.cases[cid]
		gev := events(g)
		p, ok := pred.cases[cid]
		if !ok {
			r.CasesWithoutPrediction++
		}
		pev := events(p)
		if len(gev) == 0 {
			r.NegativeCases++
			if len(pev) > 0 {
				r.NegativeCasesWithFalseDeals++
			}
		}
		type pair struct{ exact, i, j int }
		var pairs []pair
		for i, pe := range pev {
			for j, ge := range gev {
				if partiesAgree(pe, ge) && amountsAgree(pe, ge) {
					ex := 1
					if norm(pe["company"]) == norm(ge["company"]) {
						ex = 0
					}
					pairs = append(pairs, pair{ex, i, j})
				}
			}
		}
		sort.Slice(pairs, func(a, b int) bool {
			x, y := pairs[a], pairs[b]
			if x.exact != y.exact {
				return x.exact < y.exact
			}
			if x.i != y.i {
				return x.i < y.i
			}
			return x.j < y.j
		})
		usedP, usedG := map[int]bool{}, map[int]bool{}
		for _, pr := range pairs {
			if usedP[pr.i] || usedG[pr.j] {
				continue
			}
			usedP[pr.i], usedG[pr.j] = true, true
			pe, ge := pev[pr.i], gev[pr.j]
			kindN++
			if pyEqual(pe["kind"], ge["kind"]) {
				kindOK++
			}
			if truthy(ge["round"]) {
				roundN++
				if pyEqual(pe["round"], ge["round"]) {
					roundOK++
				}
			}
			gi, pi := nameSet(ge["investors"]), nameSet(pe["investors"])
			for n := range pi {
				if gi[n] {
					invTP++
				} else {
					invFP++
				}
			}
			for n := range gi {
				if !pi[n] {
					invFN++
				}
			}
		}
		tp += len(usedP)
		fp += len(pev) - len(usedP)
		fn += len(gev) - len(usedG)
		if showErrors {
			for i, pe := range pev {
				if !usedP[i] {
					errs = append(errs, fmt.Sprintf("%s: extra   %s %s %s", cid, pyRepr(pe["company"]), pyStr(pe["amount"]), pyStr(pe["currency"])))
				}
			}
			for j, ge := range gev {
				if !usedG[j] {
					errs = append(errs, fmt.Sprintf("%s: missed  %s %s %s", cid, pyRepr(ge["company"]), pyStr(ge["amount"]), pyStr(ge["currency"])))
				}
			}
		}
	}
	div := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	prec, rec := div(tp, tp+fp), div(tp, tp+fn)
	f1 := 0.0
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	r.Cases = gold.Len()
	r.GoldEvents, r.PredictedEvents, r.Matched = tp+fn, tp+fp, tp
	r.Precision, r.Recall, r.F1 = round4(prec), round4(rec), round4(f1)
	if kindN > 0 {
		v := round4(div(kindOK, kindN))
		r.KindAccuracy = &v
	}
	if roundN > 0 {
		v := round4(div(roundOK, roundN))
		r.RoundAccuracy = &v
	}
	r.InvestorPrecision = round4(div(invTP, invTP+invFP))
	r.InvestorRecall = round4(div(invTP, invTP+invFN))
	return r, errs
}

// fields lists the result in score.py's order with Python-formatted values.
func (r Result) fields() [][2]string {
	opt := func(p *float64) string {
		if p == nil {
			return "None"
		}
		return pyFloat(*p)
	}
	ka := opt(r.KindAccuracy)
	ra := opt(r.RoundAccuracy)
	return [][2]string{
		{"cases", strconv.Itoa(r.Cases)},
		{"cases_without_prediction", strconv.Itoa(r.CasesWithoutPrediction)},
		{"gold_events", strconv.Itoa(r.GoldEvents)},
		{"predicted_events", strconv.Itoa(r.PredictedEvents)},
		{"matched", strconv.Itoa(r.Matched)},
		{"precision", pyFloat(r.Precision)},
		{"recall", pyFloat(r.Recall)},
		{"f1", pyFloat(r.F1)},
		{"kind_accuracy", ka},
		{"round_accuracy", ra},
		{"investor_precision", pyFloat(r.InvestorPrecision)},
		{"investor_recall", pyFloat(r.InvestorRecall)},
		{"negative_cases", strconv.Itoa(r.NegativeCases)},
		{"negative_cases_with_false_deals", strconv.Itoa(r.NegativeCasesWithFalseDeals)},
	}
}

// WriteText prints the result as score.py does without --json.
func (r Result) WriteText(w io.Writer, errs []string) error {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e + "\n")
	}
	for _, f := range r.fields() {
		fmt.Fprintf(&b, "%-34s %s\n", f[0], f[1])
	}
	fmt.Fprintf(&b, "F1 %.4f\n", r.F1)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON prints the result as score.py --json does.
func (r Result) WriteJSON(w io.Writer) error {
	var parts []string
	for _, f := range r.fields() {
		v := f[1]
		if v == "None" {
			v = "null"
		}
		parts = append(parts, fmt.Sprintf("%q: %s", f[0], v))
	}
	_, err := io.WriteString(w, "{"+strings.Join(parts, ", ")+"}\n")
	return err
}

func events(c map[string]any) []map[string]any {
	if c == nil {
		return nil
	}
	list, _ := c["events"].([]any)
	var out []map[string]any
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		} else {
			out = append(out, map[string]any{})
		}
	}
	return out
}

// suffixes are dropped by norm, as in score.py.
var suffixes = map[string]bool{
	"inc": true, "inc.": true, "corp": true, "corporation": true, "co": true, "company": true, "ltd": true, "limited": true,
	"llc": true, "plc": true, "gmbh": true, "sa": true, "s.a.": true, "ag": true, "nv": true, "bv": true, "holdings": true,
	"holding": true, "group": true, "technologies": true, "technology": true, "the": true, "labs": true, "lab": true,
}

// norm is score.py's name normalisation.
func norm(v any) string {
	s, ok := v.(string)
	if !ok || s == "" {
		if v == nil || !truthy(v) {
			return ""
		}
		s = pyStr(v)
	}
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "&", " and ")
	s = dropPossessive(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0xc0 && r <= 0x24f {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	s = b.String()
	var words []string
	for _, w := range strings.Fields(s) {
		if !suffixes[w] {
			words = append(words, w)
		}
	}
	if len(words) > 0 {
		return strings.Join(words, " ")
	}
	return strings.TrimSpace(s)
}

// dropPossessive removes "'s" (also ’ and `) before a word boundary, where
// a boundary is what Python's Unicode \b means.
func dropPossessive(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if (r == '\'' || r == '’' || r == '`') && i+w < len(s) && s[i+w] == 's' {
			j := i + w + 1
			next, _ := utf8.DecodeRuneInString(s[j:])
			if j == len(s) || !(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '_' || unicode.Is(unicode.Mn, next)) {
				i = j
				continue
			}
		}
		b.WriteString(s[i : i+w])
		i += w
	}
	return b.String()
}

func namesAgree(pred any, gold []any) bool {
	p := norm(pred)
	if p == "" {
		return false
	}
	for _, gv := range gold {
		g := norm(gv)
		if g == "" {
			continue
		}
		if p == g || strings.Contains(" "+g+" ", " "+p+" ") || strings.Contains(" "+p+" ", " "+g+" ") {
			return true
		}
	}
	return false
}

func partiesAgree(pe, ge map[string]any) bool {
	if norm(ge["company"]) == "" {
		investors := asList(ge["investors"])
		if norm(pe["company"]) == "" {
			return true
		}
		if namesAgree(pe["company"], investors) {
			return true
		}
		ps, gs := nameSet(pe["investors"]), nameSet(ge["investors"])
		for n := range ps {
			if gs[n] {
				return true
			}
		}
		return false
	}
	names := append([]any{ge["company"]}, asList(ge["aliases"])...)
	return namesAgree(pe["company"], names)
}

func amountMatches(pa, pc, ga, gc any) bool {
	//lint:ignore SA6005 the reference scorer compares str.upper(); EqualFold folds some non-ASCII letters differently
	if strings.ToUpper(strOrEmpty(pc)) != strings.ToUpper(strOrEmpty(gc)) {
		return false
	}
	x, ok1 := pyFloatOf(pa)
	y, ok2 := pyFloatOf(ga)
	if !ok1 || !ok2 {
		return false
	}
	if y == 0 {
		return x == 0
	}
	return math.Abs(x-y)/math.Abs(y) <= 0.01
}

func amountsAgree(p, g map[string]any) bool {
	pa, ga := p["amount"], g["amount"]
	if ga == nil && pa == nil {
		return true
	}
	if ga == nil || pa == nil {
		return false
	}
	if amountMatches(pa, p["currency"], ga, g["currency"]) {
		return true
	}
	for _, alt := range asList(g["alt_amounts"]) {
		pair, ok := alt.([]any)
		if ok && len(pair) == 2 && pair[0] != nil && amountMatches(pa, p["currency"], pair[0], pair[1]) {
			return true
		}
	}
	return false
}

func nameSet(v any) map[string]bool {
	out := map[string]bool{}
	for _, n := range asList(v) {
		if k := norm(n); k != "" {
			out[k] = true
		}
	}
	return out
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func strOrEmpty(v any) string {
	if !truthy(v) {
		return ""
	}
	return pyStr(v)
}

// truthy is Python's truth value of a decoded JSON value.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case json.Number:
		f, _ := x.Float64()
		return f != 0
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

func pyEqual(a, b any) bool {
	switch x := a.(type) {
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		fx, _ := x.Float64()
		fy, _ := y.Float64()
		return fx == fy
	case string:
		y, ok := b.(string)
		return ok && x == y
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	}
	return false
}

func pyFloatOf(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// pyStr formats a value as Python's str() does.
func pyStr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case json.Number:
		s := string(x)
		if !strings.ContainsAny(s, ".eE") {
			return s
		}
		f, _ := strconv.ParseFloat(s, 64)
		return pyFloat(f)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// pyRepr formats a value as Python's repr() does.
func pyRepr(v any) string {
	s, ok := v.(string)
	if !ok {
		return pyStr(v)
	}
	q := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, "\"") {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == ' ' || unicode.IsPrint(r) && r != utf8.RuneError:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// pyFloat formats a float as Python's repr() does.
func pyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exps, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(exps)
	if exp < -4 || exp >= 16 {
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		return fmt.Sprintf("%se%s%02d", mant, sign, exp)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// round4 is Python's round(x, 4): correctly rounded from the exact binary
// value, as strconv does.
func round4(x float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return f
}
