package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/extract/money"
)

// Chinese and Japanese deal sentences have no spaces between words, so they
// get their own patterns: "<公司>完成<金额><轮次>融资", "由<投资方>领投",
// "<会社>は…億円の資金調達を実施".
var (
	cjkVerb  = regexp.MustCompile(`宣布完成|宣布获得|完成了?|获得了?|斩获|は`)
	cjkRound = regexp.MustCompile(`(天使|种子|Pre-?A\+?|A\+?|B\+?|C\+?|D|E|F|战略)轮|シリーズ([A-H])|(シード)`)
	cjkLead  = regexp.MustCompile(`由(.{1,40}?)(联合)?领投`)
	cjkDeal  = regexp.MustCompile(`融资|資金調達|増資|出資`)
)

// hasHan reports whether s contains Chinese or Japanese script.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hiragana, r) {
			return true
		}
	}
	return false
}

// cjkDeals finds a funding round in a Chinese or Japanese sentence.
func cjkDeals(text string, sp Span, all []money.Match) []*cand {
	sent := text[sp.Start:sp.End]
	if !cjkDeal.MatchString(sent) {
		return nil
	}
	var m *money.Match
	for i := range all {
		if all[i].Start >= sp.Start && all[i].End <= sp.End && !all[i].PerUnit {
			m = &all[i]
			break
		}
	}
	loc := cjkVerb.FindStringIndex(sent)
	if loc == nil || loc[0] == 0 {
		return nil
	}
	company := strings.TrimFunc(sent[:loc[0]], func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r)
	})
	company = strings.TrimPrefix(company, "株式会社")
	if company == "" || utf8.RuneCountInString(company) > 30 {
		return nil
	}
	st := sp.Start + strings.Index(sent, company)
	c := &cand{kind: pulse.KindFundingRound, company: name{text: company, start: st, end: st + len(company)}, money: m, round: "undisclosed"}
	c.kindAt = Span{sp.Start + loc[0], sp.Start + loc[1]}
	if r := cjkRound.FindStringSubmatchIndex(sent); r != nil {
		c.round = cjkRoundOf(sent, r)
		c.roundAt = Span{sp.Start + r[0], sp.Start + r[1]}
	}
	return []*cand{c}
}

func cjkRoundOf(sent string, r []int) pulse.Round {
	g := func(i int) string {
		if r[2*i] < 0 {
			return ""
		}
		return sent[r[2*i]:r[2*i+1]]
	}
	switch s := strings.TrimSuffix(strings.ToUpper(g(1)+g(2)), "+"); {
	case g(3) != "" || s == "种子":
		return "seed"
	case s == "天使":
		return "angel"
	case s == "战略":
		return "strategic"
	case strings.HasPrefix(s, "PRE"):
		return "pre_series_a"
	case len(s) == 1 && s[0] >= 'A' && s[0] <= 'H':
		return pulse.Round("series_" + strings.ToLower(s))
	}
	return "undisclosed"
}

// cjkLeads adds "由X领投" leaders from a sentence to c.
func cjkLeads(text string, sp Span, c *cand) {
	sent := text[sp.Start:sp.End]
	for _, m := range cjkLead.FindAllStringSubmatchIndex(sent, -1) {
		for _, part := range strings.FieldsFunc(sent[m[2]:m[3]], func(r rune) bool { return r == '、' || r == '和' || r == '，' || r == ',' }) {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			st := sp.Start + m[2] + strings.Index(sent[m[2]:m[3]], part)
			n := name{text: part, start: st, end: st + len(part)}
			if !hasName(c.investors, n) {
				c.investors = append(c.investors, n)
				c.leads = append(c.leads, n)
			}
		}
	}
}
