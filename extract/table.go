package extract

import (
	"strings"

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
	toks := tokenize(s, 0, len(s))
	for x := range toks {
		if r, _ := roundAt(toks, x); r != "" {
			return pulse.KindFundingRound, r
		}
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
