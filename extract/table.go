package extract

import (
	"strings"
	"unicode"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/extract/money"
)

// Roundups often carry their deals as a table, which reaches us flattened
// to lines of cells: a header ("Company | Amount | Round | Investors") and
// one row per deal. Rows are read by column, not as sentences.

// column roles a table header can name.
const (
	colCompany = iota + 1
	colAmount
	colRound
	colInvestors
	colOther
)

// headerWords name the columns, in the languages roundups come in.
var headerWords = map[string]int{
	"company": colCompany, "startup": colCompany, "name": colCompany, "empresa": colCompany, "unternehmen": colCompany,
	"entreprise": colCompany, "société": colCompany, "target": colCompany, "recipient": colCompany,
	"amount": colAmount, "size": colAmount, "raised": colAmount, "funding": colAmount, "montant": colAmount, "betrag": colAmount,
	"valor": colAmount, "monto": colAmount, "deal size": colAmount,
	"round": colRound, "stage": colRound, "type": colRound, "deal type": colRound, "série": colRound, "serie": colRound,
	"ronda": colRound, "rodada": colRound, "runde": colRound, "tour": colRound,
	"investors": colInvestors, "investor": colInvestors, "lead investor": colInvestors, "lead investors": colInvestors,
	"backers": colInvestors, "inversores": colInvestors, "investidores": colInvestors, "investisseurs": colInvestors,
	"investoren": colInvestors, "acquirer": colInvestors, "buyer": colInvestors, "lender": colInvestors,
}

// tableDeals reads the deals of every flattened table in text and returns
// them with the spans of the lines they used, which the sentence rules then
// leave alone.
func tableDeals(text string, all []money.Match) ([]*cand, []Span) {
	if !strings.Contains(text, "|") && !strings.Contains(text, "\t") {
		return nil, nil
	}
	var out []*cand
	var used []Span
	var cols []int
	sep := ""
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := text[off:end]
		switch {
		case cols == nil:
			if c, s := tableHeader(line); c != nil {
				cols, sep = c, s
				used = append(used, Span{off, end})
			}
		default:
			cells := splitCells(line, sep)
			if len(cells) != len(cols) {
				cols = nil // the table ended
				continue
			}
			if c := rowDeal(text, off, cells, cols, all); c != nil {
				out = append(out, c)
			}
			used = append(used, Span{off, end})
		}
		off = end + 1
	}
	return out, used
}

// tableHeader reports the column roles of a header line, or nil when the
// line is no table header: it needs a company column and an amount or round
// column.
func tableHeader(line string) ([]int, string) {
	for _, sep := range []string{"|", "\t"} {
		if !strings.Contains(line, sep) {
			continue
		}
		var cols []int
		company, deal := false, false
		for _, cell := range strings.Split(strings.Trim(strings.TrimSpace(line), sep), sep) {
			role := headerWords[strings.ToLower(strings.TrimSpace(cell))]
			if role == 0 {
				role = colOther
			}
			company = company || role == colCompany
			deal = deal || role == colAmount || role == colRound
			cols = append(cols, role)
		}
		if company && deal && len(cols) >= 2 {
			return cols, sep
		}
	}
	return nil, ""
}

type cell struct {
	text       string
	start, end int // offsets within the row's line
}

func splitCells(line, sep string) []cell {
	trimmed := strings.Trim(line, " "+sep)
	lead := strings.Index(line, trimmed)
	var out []cell
	at := lead
	for _, part := range strings.Split(trimmed, sep) {
		t := strings.TrimSpace(part)
		s := at + strings.Index(part, t)
		out = append(out, cell{t, s, s + len(t)})
		at += len(part) + len(sep)
	}
	return out
}

// rowDeal builds the deal of one table row starting at offset off.
func rowDeal(text string, off int, cells []cell, cols []int, all []money.Match) *cand {
	c := &cand{kind: pulse.KindFundingRound, round: "undisclosed"}
	for i, role := range cols {
		cl := cells[i]
		st, en := off+cl.start, off+cl.end
		switch role {
		case colCompany:
			if cl.text == "" || implausibleCompany(cl.text, "") {
				return nil
			}
			c.company = name{text: cl.text, start: st, end: en}
			c.sent = Span{off, off + cells[len(cells)-1].end}
		case colAmount:
			for j := range all {
				if all[j].Start >= st && all[j].End <= en && !all[j].PerUnit {
					c.money = &all[j]
					break
				}
			}
		case colRound:
			c.kind, c.round = rowKind(cl.text)
			c.roundAt = Span{st, en}
		case colInvestors:
			for _, part := range strings.FieldsFunc(cl.text, func(r rune) bool { return r == ',' || r == ';' }) {
				p := strings.TrimSpace(part)
				lead := false
				for _, mark := range []string{"(lead)", "(co-lead)", "(leads)", "(co-leads)"} {
					if strings.HasSuffix(strings.ToLower(p), mark) {
						p, lead = strings.TrimSpace(p[:len(p)-len(mark)]), true
					}
				}
				p = strings.TrimPrefix(strings.TrimPrefix(p, "and "), "& ")
				if p == "" || strings.EqualFold(p, "undisclosed") || strings.EqualFold(p, "n/a") || p == "-" {
					continue
				}
				ps := st + strings.Index(cl.text, p)
				n := name{text: p, start: ps, end: ps + len(p)}
				c.investors = append(c.investors, n)
				if lead {
					c.leads = append(c.leads, n)
				}
			}
		}
	}
	if c.company.text == "" {
		return nil
	}
	return c
}

// rowKind reads a round cell: a stage, or a kind of deal named instead.
func rowKind(s string) (pulse.DealKind, pulse.Round) {
	if r, _, ok := firstRound(tokenize(s, 0, len(s))); ok {
		return pulse.KindFundingRound, r
	}
	l := strings.ToLower(s)
	switch {
	case strings.Contains(l, "debt") || strings.Contains(l, "loan") || strings.Contains(l, "credit") || strings.Contains(l, "notes"):
		return pulse.KindDebt, ""
	case strings.Contains(l, "grant"):
		return pulse.KindGrant, ""
	case strings.Contains(l, "acqui") || strings.Contains(l, "m&a"):
		return pulse.KindAcquisition, ""
	case strings.Contains(l, "ipo"):
		return pulse.KindIPO, ""
	case strings.Contains(l, "fund"):
		return pulse.KindFund, ""
	case strings.Contains(l, "bridge"):
		return pulse.KindFundingRound, "bridge"
	case strings.Contains(l, "growth"):
		return pulse.KindFundingRound, "growth"
	case strings.Contains(l, "strategic"):
		return pulse.KindFundingRound, "strategic"
	}
	return pulse.KindFundingRound, "undisclosed"
}

// Roundups also list deals one per line without a table: "Kavach Compute —
// ₹120 Cr Series A — Elevation Ridge, Sandbar Capital", "Singapore's Kampong
// Kitchen: S$5 million, Series A, led by Lion Gate Ventures",
// "Hearthstone Robotics: undisclosed strategic investment from Samsung
// Next". Such a line names the company before a separator and the amount,
// stage and investors after it, with no verb.

var lineSeps = []string{" — ", " – ", " - ", ": ", " | "}

// lineDeals reads the deals of such lines and returns them with the spans of
// the lines used.
func lineDeals(text string, all []money.Match) ([]*cand, []Span) {
	var out []*cand
	var used []Span
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		if c := lineDeal(text, off, end, all); c != nil {
			out = append(out, c)
			used = append(used, Span{off, end})
		}
		off = end + 1
	}
	return out, used
}

func lineDeal(text string, off, end int, all []money.Match) *cand {
	st, en := trimSpan(text, off, end)
	for st < en && (text[st] >= '0' && text[st] <= '9' || text[st] == '.' || text[st] == ')') && st-off < 4 {
		st++ // "3." or "2)" numbering
	}
	st, en = trimSpan(text, st, en)
	line := text[st:en]
	if len(line) < 8 || len(line) > 400 {
		return nil
	}
	cut, sepLen := -1, 0
	for _, sep := range lineSeps {
		if i := strings.Index(line, sep); i > 0 && (cut < 0 || i < cut) {
			cut, sepLen = i, len(sep)
		}
	}
	if cut < 0 || cut > 80 {
		return nil
	}
	rest := line[cut+sepLen:]
	restAt := st + cut + sepLen
	// A verb after the separator makes it a sentence for the other rules.
	rtoks := tokenize(text, restAt, en)
	for k, t := range rtoks {
		for _, tr := range triggers[t.lower] {
			if (tr.class == tRaise || tr.class == tAcquire || tr.class == tSold || tr.class == tSell || tr.class == tInvest) && hasPhraseAt(rtoks, k, tr.words) {
				return nil
			}
		}
		if r, _ := roundAt(rtoks, k); r == "" && verbLike(t) && t.lower != "undisclosed" && t.lower != "terms" && !strings.HasSuffix(t.lower, "ed") && !strings.Contains(t.lower, "series") {
			return nil
		}
	}
	c := &cand{kind: pulse.KindFundingRound, round: "undisclosed", sent: Span{st, en}}
	for j := range all {
		if all[j].Start >= restAt && all[j].End <= en && !all[j].PerUnit {
			c.money = &all[j]
			break
		}
	}
	lower := strings.ToLower(rest)
	undisclosed := strings.Contains(lower, "undisclosed") || strings.Contains(lower, "not disclosed")
	if c.money == nil && !undisclosed {
		return nil
	}
	kind, round := rowKind(rest)
	staged := round != "undisclosed" || kind != pulse.KindFundingRound
	cued := false
	for _, w := range []string{"led by", "lead:", "(lead)", "from ", "investors:", "round", "funding", "seed", "investment", "financing", "backed by"} {
		if strings.Contains(lower, w) {
			cued = true
		}
	}
	if !staged && !cued {
		return nil
	}
	c.kind, c.round = kind, round
	if c.kind != pulse.KindFundingRound {
		c.round = ""
	}
	if _, at, ok := firstRound(rtoks); ok {
		c.roundAt, c.kindAt = at, at
	}
	n, ok := lineCompany(text, st, st+cut)
	if !ok {
		return nil
	}
	c.company = n
	lineInvestors(text, restAt, en, c)
	return c
}

// lineCompany reads the company before a roundup line's separator:
// "Singapore's Kampong Kitchen", "Gridlet (Austin)", "Philippines-based
// Bayani Health".
func lineCompany(text string, st, en int) (name, bool) {
	if i := strings.IndexByte(text[st:en], '('); i > 0 {
		en = st + i
	}
	st, en = trimSpan(text, st, en)
	t := text[st:en]
	for _, p := range []string{"'s ", "’s "} {
		if i := strings.Index(t, p); i > 0 && isPlaceName(t[:i]) {
			st += i + len(p)
			t = text[st:en]
		}
	}
	if f := strings.Fields(t); len(f) > 1 && placeCompound(strings.ToLower(f[0])) {
		st += strings.Index(t, f[1])
		t = text[st:en]
	}
	ws := strings.Fields(t)
	if len(ws) == 0 || len(ws) > 6 || !unicode.IsUpper(firstRune(t)) && !unicode.IsDigit(firstRune(t)) || implausibleCompany(t, pulse.KindFundingRound) {
		return name{}, false
	}
	for _, w := range ws {
		if l := strings.ToLower(w); capStop[l] && l != "the" || reportWords[l] {
			return name{}, false // "Deals of the week", "Source: X"
		}
	}
	return name{text: t, start: st, end: en}, true
}

// lineInvestors reads the investors after a roundup line's separator: after
// "led by", "from", "lead:", or a last part that is only names.
func lineInvestors(text string, st, en int, c *cand) {
	rest := text[st:en]
	lower := strings.ToLower(rest)
	type part struct {
		at   int
		lead bool
	}
	var parts []part
	for _, cue := range []struct {
		w    string
		lead bool
	}{{"co-led by ", true}, {"led by ", true}, {"lead: ", true}, {"leads: ", true}, {"from ", false}, {"investors: ", false}, {"also in: ", false}, {"backed by ", false}, {"with ", false}} {
		for i := 0; ; {
			j := strings.Index(lower[i:], cue.w)
			if j < 0 {
				break
			}
			at := i + j + len(cue.w)
			if cue.w == "led by " && i+j >= 3 && lower[i+j-3:i+j] == "co-" {
				i = at
				continue
			}
			parts = append(parts, part{at, cue.lead})
			i = at
		}
	}
	// A last part made of names only: "— Elevation Ridge, Sandbar Capital".
	for _, sep := range []string{" — ", " – "} {
		if i := strings.LastIndex(rest, sep); i >= 0 {
			tail := rest[i+len(sep):]
			if _, r := rowKind(tail); r == "undisclosed" && !strings.ContainsAny(tail, "$€£¥₹") && unicode.IsUpper(firstRune(strings.TrimSpace(tail))) {
				parts = append(parts, part{i + len(sep), false})
			}
		}
	}
	for _, p := range parts {
		seg := rest[p.at:]
		for _, stop := range []string{" — ", " – ", "; ", ". ", " to ", " for ", " in a ", " at a "} {
			if i := strings.Index(seg, stop); i >= 0 {
				seg = seg[:i]
			}
		}
		for _, item := range splitNames(seg) {
			n, lead := item, p.lead
			for _, mark := range []string{"(lead)", "(co-lead)", "(leads)"} {
				if strings.HasSuffix(strings.ToLower(n), mark) {
					n, lead = strings.TrimSpace(n[:len(n)-len(mark)]), true
				}
			}
			for _, pre := range []string{"existing investors ", "existing investor ", "investors ", "insiders ", "the "} {
				if strings.HasPrefix(strings.ToLower(n), pre) {
					n = n[len(pre):]
				}
			}
			if n == "" || !unicode.IsUpper(firstRune(n)) && !unicode.IsDigit(firstRune(n)) || len(strings.Fields(n)) > 6 {
				continue
			}
			at := st + p.at + strings.Index(rest[p.at:], n)
			nm := name{text: n, start: at, end: at + len(n)}
			if !hasName(c.investors, nm) && pulse.NormalizeName(n) != pulse.NormalizeName(c.company.text) {
				c.investors = append(c.investors, nm)
			}
			if lead && !hasName(c.leads, nm) {
				c.leads = append(c.leads, nm)
			}
		}
	}
}

// splitNames splits "A, B and C" into its names.
func splitNames(s string) []string {
	s = strings.NewReplacer(" and ", ",", " & ", ",", " y ", ",", " e ", ",", " et ", ",", " und ", ",").Replace(s)
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p), ".")); p != "" {
			out = append(out, p)
		}
	}
	return out
}
