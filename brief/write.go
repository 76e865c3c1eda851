package brief

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/fundingpulse/pulse"
)

// currencySymbols are written before the amount; other currencies are
// written as their ISO code and a space ("CHF 20 million").
var currencySymbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}

// formatFloat writes f with at most prec decimals and no trailing zeros.
func formatFloat(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// scaled writes an amount the way news does: "1.2 billion", "37 million",
// "750,000".
func scaled(v float64, prec int) string {
	switch a := math.Abs(v); {
	case a >= 1e12:
		return formatFloat(v/1e12, prec) + " trillion"
	case a >= 1e9:
		return formatFloat(v/1e9, prec) + " billion"
	case a >= 1e6:
		return formatFloat(v/1e6, prec) + " million"
	}
	return groupThousands(formatFloat(v, 0))
}

func groupThousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatMoney writes an amount in its currency: "$1.5 billion", "€37 million".
func FormatMoney(amount float64, currency string) string {
	if sym, ok := currencySymbols[currency]; ok {
		return sym + scaled(amount, 2)
	}
	return currency + " " + scaled(amount, 2)
}

// FormatUSD writes a USD figure; approximations keep one decimal.
func FormatUSD(v float64, approx bool) string {
	if approx {
		return "$" + scaled(v, 1)
	}
	return "$" + scaled(v, 2)
}

// amountText writes a deal's amount in its original currency, with the USD
// conversion in brackets where there was one.
func amountText(d *pulse.Deal) string {
	if d.Currency == "" || d.Amount <= 0 {
		return ""
	}
	s := FormatMoney(d.Amount, d.Currency)
	if d.Currency != "USD" && d.AmountUSD > 0 {
		s += " (about " + FormatUSD(d.AmountUSD, true) + ")"
	}
	return s
}

// roundText is how a round reads in a sentence, "" when it adds nothing.
func roundText(r pulse.Round) string {
	switch r {
	case "", "undisclosed":
		return ""
	case "pre_seed":
		return "pre-seed"
	case "pre_series_a", "pre_series_b":
		return "pre-Series " + strings.ToUpper(string(r[len(r)-1:]))
	}
	if strings.HasPrefix(string(r), "series_") {
		return "Series " + strings.ToUpper(string(r[len("series_"):]))
	}
	return string(r)
}

// indefinite returns "a" or "an" for the word that follows.
func indefinite(next string) string {
	if next == "" {
		return "a"
	}
	switch next[0] {
	case 'a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U':
		return "an"
	}
	digits := next
	if i := strings.IndexFunc(next, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		digits = next[:i]
	}
	if strings.HasPrefix(digits, "8") || digits == "11" || digits == "18" {
		return "an" // "an 8%", "an 11%", "an 18%"
	}
	return "a"
}

// names joins up to four names; longer lists end with "and others".
func names(xs []string) string {
	if len(xs) > 4 {
		return strings.Join(xs[:4], ", ") + " and others"
	}
	return joinAnd(xs)
}

// appositiveBad are nouns that open a comment on the deal, not a
// description of the company (", a move that ...").
var appositiveBad = map[string]bool{"move": true, "deal": true, "stake": true, "transaction": true, "round": true,
	"decision": true, "step": true, "sign": true, "figure": true, "sum": true, "record": true, "year": true, "day": true,
	"week": true, "month": true, "person": true, "spokesperson": true, "source": true, "statement": true}

var appositiveEnd = regexp.MustCompile(`[,.;:()\[\]—–]| - | which | that | who `)

// appositive lifts a short description of the company from an evidence
// sentence ("Exaion, a French data-center and HPC operator, ..."), so the
// bullet says only what a source said.
func appositive(company string, sentences []string) string {
	if company == "" {
		return ""
	}
	for _, s := range sentences {
		i := strings.Index(s, company+", ")
		if i < 0 {
			continue
		}
		rest := s[i+len(company)+2:]
		if !(strings.HasPrefix(rest, "a ") || strings.HasPrefix(rest, "an ")) {
			continue
		}
		end := appositiveEnd.FindStringIndex(rest)
		if end == nil {
			continue
		}
		phrase := strings.TrimSpace(rest[:end[0]])
		ws := strings.Fields(phrase)
		if len(ws) < 3 || len(ws) > 14 || appositiveBad[strings.ToLower(strings.Trim(ws[1], ".,"))] {
			continue
		}
		if strings.ContainsAny(phrase, "$€£¥₹%\"“”") {
			continue
		}
		return ", " + phrase + ","
	}
	return ""
}

// moveText writes one move as a sentence without its citations, from the
// deal's fields and, for the company's description, its evidence.
func moveText(m *move) string {
	d := m.deal
	var sentences []string
	for _, x := range m.merged {
		for _, mt := range x.Mentions {
			sentences = append(sentences, mt.Sentence)
		}
	}
	amt := amountText(d)
	company := d.Company
	desc := appositive(company, sentences)
	// subjectC is the company with its description; as an object at the
	// end of a clause it loses the closing comma (trimComma).
	subjectC := company + desc
	investors := d.Investors
	if len(investors) == 0 {
		investors = d.LeadInvestors
	}
	by := ""
	if len(investors) > 0 {
		by = names(investors)
	}
	stake := ""
	if d.StakePercent > 0 {
		stake = formatFloat(d.StakePercent, 2) + "%"
	}
	var b strings.Builder
	switch d.Kind {
	case pulse.KindFundingRound:
		b.WriteString(subjectC + " raised ")
		round := roundText(d.Round)
		leads := d.LeadInvestors
		var others []string
		for _, inv := range d.Investors {
			if !containsFold(leads, inv) {
				others = append(others, inv)
			}
		}
		switch {
		case amt != "" && round != "":
			fmt.Fprintf(&b, "%s in %s %s round", amt, indefinite(round), round)
		case amt != "" && len(leads) > 0:
			fmt.Fprintf(&b, "%s in a round", amt)
		case amt != "":
			b.WriteString(amt)
		case round != "":
			fmt.Fprintf(&b, "%s %s round of undisclosed size", indefinite(round), round)
		default:
			b.WriteString("an undisclosed amount")
		}
		switch {
		case len(leads) > 0 && len(others) > 0:
			fmt.Fprintf(&b, " led by %s, with participation from %s", names(leads), names(others))
		case len(leads) > 0:
			fmt.Fprintf(&b, " led by %s", names(leads))
		case len(others) > 0:
			fmt.Fprintf(&b, " from %s", names(others))
		}
	case pulse.KindAcquisition, pulse.KindInvestment:
		switch {
		case by != "" && company != "" && stake != "":
			fmt.Fprintf(&b, "%s took %s %s stake in %s", by, indefinite(stake), stake, trimComma(subjectC))
			if amt != "" {
				b.WriteString(" for " + amt)
			}
		case by != "" && company != "" && d.Kind == pulse.KindAcquisition:
			fmt.Fprintf(&b, "%s agreed to acquire %s", by, trimComma(subjectC))
			if amt != "" {
				b.WriteString(" for " + amt)
			}
		case by != "" && company != "":
			if amt != "" {
				fmt.Fprintf(&b, "%s invested %s in %s", by, amt, trimComma(subjectC))
			} else {
				fmt.Fprintf(&b, "%s invested in %s", by, trimComma(subjectC))
			}
		case company != "" && d.Kind == pulse.KindAcquisition:
			b.WriteString(subjectC + " was acquired")
			if amt != "" {
				b.WriteString(" for " + amt)
			}
		case company != "":
			if amt != "" {
				fmt.Fprintf(&b, "%s received an investment of %s", subjectC, amt)
			} else {
				b.WriteString(subjectC + " received an investment of undisclosed size")
			}
		default:
			who := by
			if who == "" {
				who = "An investor"
			}
			if amt != "" {
				fmt.Fprintf(&b, "%s announced %s %s investment", who, indefinite(amt), amt)
			} else {
				fmt.Fprintf(&b, "%s announced an investment of undisclosed size", who)
			}
			// The place is named only when the evidence names it: a deal's
			// country may come from the investor's home, not the project.
			if d.Country != "" && anyContains(sentences, d.Country) {
				b.WriteString(" in " + countryPhrase(d.Country))
			}
		}
	case pulse.KindFund:
		who := company
		if who == "" {
			who = by
		}
		if who == "" {
			who = "A manager"
		}
		if amt != "" {
			fmt.Fprintf(&b, "%s announced %s %s fund", who, indefinite(amt), amt)
		} else {
			fmt.Fprintf(&b, "%s announced a fund of undisclosed size", who)
		}
		if company != "" && by != "" {
			fmt.Fprintf(&b, " backed by %s", by)
		}
	case pulse.KindDebt:
		if amt != "" {
			fmt.Fprintf(&b, "%s secured %s in debt financing", subjectC, amt)
		} else {
			b.WriteString(subjectC + " secured debt financing")
		}
		if by != "" {
			b.WriteString(" from " + by)
		}
	case pulse.KindGrant:
		if amt != "" {
			fmt.Fprintf(&b, "%s received %s %s grant", subjectC, indefinite(amt), amt)
		} else {
			b.WriteString(subjectC + " received a grant")
		}
		if by != "" {
			b.WriteString(" from " + by)
		}
	case pulse.KindIPO:
		b.WriteString(subjectC + " went public")
		if amt != "" {
			b.WriteString(", raising " + amt)
		}
	default:
		if c := liftClause(company, sentences); c != "" && amt == "" {
			b.WriteString(c)
			break
		}
		subj := subjectC
		if subj == "" {
			subj = by
			by = ""
		}
		if amt != "" {
			fmt.Fprintf(&b, "%s was party to %s %s deal", subj, indefinite(amt), amt)
		} else {
			fmt.Fprintf(&b, "%s was party to a deal of undisclosed size", subj)
		}
		if by != "" {
			b.WriteString(" with " + by)
		}
	}
	if c := conflictText(m); c != "" {
		b.WriteString("; " + c)
	}
	s := strings.TrimSpace(b.String())
	return capitalize(s) + "."
}

// trimComma drops the closing comma of an appositive at the end of a clause.
func trimComma(s string) string { return strings.TrimSuffix(s, ",") }

func containsFold(xs []string, s string) bool {
	for _, x := range xs {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// conflictText says that sources disagree on the amount, with every figure
// they gave, when they do.
func conflictText(m *move) string {
	conflict := false
	var figures []string
	seen := map[string]bool{}
	for _, d := range m.merged {
		conflict = conflict || d.Conflict
		for _, mt := range d.Mentions {
			if mt.Currency == "" || mt.Amount <= 0 {
				continue
			}
			f := FormatMoney(mt.Amount, mt.Currency)
			if !seen[f] {
				seen[f] = true
				figures = append(figures, f)
			}
		}
	}
	if len(figures) > 1 {
		conflict = true
	}
	if !conflict {
		return ""
	}
	if len(figures) > 1 {
		return "reports differ on the amount (" + joinOr(figures) + ")"
	}
	return "reports differ on the amount"
}

func joinOr(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// clauseEnd is where a sentence ends; "U.S." or "1.5" inside one is not.
var clauseEnd = regexp.MustCompile(`[.;!?](\s|$)|\n`)

// maxClauseWords bounds a clause lifted from a source.
const maxClauseWords = 30

// liftClause returns the source's own words about a move that fits no
// template: from the company's name to the end of its evidence sentence
// ("Bitdeer sold its ... treasury to fund ..."), cut at a comma when long.
func liftClause(company string, sentences []string) string {
	if company == "" {
		return ""
	}
	for _, s := range sentences {
		i := strings.Index(s, company+" ")
		if i < 0 {
			continue
		}
		rest := s[i+len(company)+1:]
		if rest == "" || !unicode.IsLower([]rune(rest)[0]) {
			continue // not followed by a verb phrase
		}
		clause := strings.TrimSpace(s[i:])
		if loc := clauseEnd.FindStringIndex(clause); loc != nil {
			clause = clause[:loc[0]]
		}
		ws := strings.Fields(clause)
		if len(ws) > maxClauseWords {
			clause = strings.Join(ws[:maxClauseWords], " ")
			if j := strings.LastIndex(clause, ","); j > len(company) {
				clause = clause[:j]
			} else {
				continue
			}
		}
		return strings.TrimRight(clause, ",:—– ")
	}
	return ""
}

func anyContains(xs []string, sub string) bool {
	for _, x := range xs {
		if strings.Contains(x, sub) {
			return true
		}
	}
	return false
}

// countryPhrase adds the article that some country names take.
func countryPhrase(c string) string {
	switch {
	case strings.HasPrefix(c, "United "), strings.HasSuffix(c, " Republic"), strings.HasSuffix(c, " Islands"),
		c == "Netherlands", c == "Philippines", c == "Bahamas", c == "Gambia", c == "Maldives":
		return "the " + c
	}
	return c
}
