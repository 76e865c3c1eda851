package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/extract/money"
)

// Korean writes words apart, with particles fixed to their ends: the
// company is the word before "은/는/이/가" ("누리칩은", "AI 반도체 스타트업
// 누리칩이"), investors stand before "로부터" or before the subject
// particle of "주도했다"/"참여했다", and a noun and verb say the kind
// ("투자를 유치했다", "인수했다", "상장했다"). A sentence is read word by
// word; a verb's words run back to the verb before it, so that one sentence
// may tell two deals.

func isHangul(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// korean reports whether s is Korean: Hangul in it, and not less of it than
// of Han and kana.
func korean(s string) bool {
	h, o := 0, 0
	for _, r := range s {
		switch {
		case isHangul(r):
			h++
		case unicode.Is(unicode.Han, r) || isKanaLetter(r):
			o++
		}
	}
	return h > 0 && h >= o
}

// koWord is one word of a Korean sentence, in byte offsets of the text:
// start..end without the punctuation after it, stem the end of what comes
// before its particle.
type koWord struct {
	start, end, stem int
	part             string // the particle, "" for none
	comma            bool   // a comma follows
}

// koWords splits the sentence sp at spaces outside brackets.
func koWords(text string, sp Span) []koWord {
	var out []koWord
	start, depth := -1, 0
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := koWord{start: start, end: end}
		for w.end > w.start {
			r, n := utf8.DecodeLastRuneInString(text[w.start:w.end])
			if !strings.ContainsRune(",，.。!?;:…·", r) {
				break
			}
			w.comma = w.comma || r == ',' || r == '，'
			w.end -= n
		}
		if w.end > w.start {
			w.stem, w.part = koSplit(text, w.start, w.end)
			out = append(out, w)
		}
		start = -1
	}
	for i := sp.Start; i < sp.End; {
		r, n := utf8.DecodeRuneInString(text[i:sp.End])
		switch {
		case strings.ContainsRune("(（[「『“‘", r) && koCloses(text[i+n:sp.End]):
			depth++
		case strings.ContainsRune(")）]」』”’", r) && depth > 0:
			depth--
		}
		if r == '…' && depth == 0 {
			n0 := len(out)
			flush(i) // "인수…1200억 규모": a headline's pause
			if len(out) > n0 {
				out[len(out)-1].comma = true
			}
		} else if unicode.IsSpace(r) && depth == 0 {
			flush(i)
		} else if start < 0 {
			start = i
		}
		i += n
	}
	flush(sp.End)
	return out
}

// koCloses reports whether a bracket or quote opened before s is closed
// soon, so that a stray one does not swallow the sentence.
func koCloses(s string) bool {
	return strings.ContainsAny(s[:min(len(s), 120)], ")）]」』”’")
}

// koParticles are the particles a word may end with, longest first.
var koParticles = []string{"으로부터", "로부터", "에게서", "으로는", "로는", "에서는", "에서도", "에게는", "에서", "에게", "에는", "에도", "으로", "께서",
	"은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도"}

// koSplit finds the particle that ends text[a:b]: the stem's end and the
// particle. The particle must fit the last syllable: "이", "은", "을",
// "과" and "으로" follow a final consonant; "가", "는", "를" and "와" a
// vowel.
func koSplit(text string, a, b int) (int, string) {
	w := text[a:b]
	for _, p := range koParticles {
		if !strings.HasSuffix(w, p) || len(w) == len(p) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(w[:len(w)-len(p)])
		if isHangul(last) {
			final := (last - 0xAC00) % 28
			first, _ := utf8.DecodeRuneInString(p)
			switch {
			case strings.ContainsRune("은이을과으", first) && final == 0,
				strings.ContainsRune("가는를와", first) && final != 0,
				first == '로' && final != 0 && final != 8:
				continue
			}
		}
		return b - len(p), p
	}
	return b, ""
}

func (w koWord) text(t string) string { return t[w.start:w.end] }
func (w koWord) base(t string) string { return t[w.start:w.stem] }

// marked reports whether the word's particle is one of ps.
func (w koWord) marked(ps ...string) bool {
	for _, p := range ps {
		if w.part == p {
			return true
		}
	}
	return false
}

// koClauseEnd reports whether the word ends a clause: a verb that goes on
// to another ("주도했으며", "리드하고") or ends the sentence, or a comma.
func koClauseEnd(text string, w koWord) bool {
	return w.comma || koVerbEnd(w.text(text))
}

// koVerbEnd reports whether s is a verb ending a clause.
func koVerbEnd(s string) bool {
	for _, e := range koClauseEnds {
		if strings.HasSuffix(s, e) && len(s) > len(e) {
			return true
		}
	}
	return false
}

var koClauseEnds = []string{"하고", "했고", "되고", "됐고", "하며", "했으며", "되며", "됐으며", "이며", "이고", "했다", "됐다", "한다", "된다",
	"이다", "였다", "었다", "았다", "했는데", "으며", "참여해", "해서", "하여", "되어", "돼", "했다고", "한다고", "며"}

var (
	// koCue is a quick test for any Korean deal word.
	koCue = words(`투자|유치|펀딩|라운드|인수|상장|입성|대출|융자|차입|사채|지원|보조금|출연금|펀드|조합|조달|IPO|품었`)

	koRaise   = regexp.MustCompile(`^(?:유치|확보|조달|마무리|완료|마쳤|마친|클로징|성공|성사)(?:했|한|하|해|를|을|에|됐|된|되|$)|^받(?:았|은|아|는|게|고|으며|$)`)
	koRaiseIn = regexp.MustCompile(`^(?:투자유치|투자받)`)
	koFunds   = map[string]bool{"투자": true, "투자금": true, "자금": true, "펀딩": true, "라운드": true, "투자유치": true}
	koInvest  = regexp.MustCompile(`^투자(?:했|한다|하며|하고|해)`)
	koAcq     = regexp.MustCompile(`^(?:인수|흡수합병|인수합병)(?:\(M&A\))?(?:했|한|하며|하고|하기로|하는|할|해|됐|되었|된|되며|돼|를|에|$)|^피인수|^품었|^품에`)
	koIPO     = regexp.MustCompile(`^(?:상장|입성)(?:했|됐|되었|하며|해)`)
	koIPONoun = regexp.MustCompile(`^(?:상장|IPO|기업공개|기업공개\(IPO\))(?:을|를|에)?$`)
	koDone    = regexp.MustCompile(`^(?:성공|마쳤|마친|완료|마무리)`)
	koFund    = regexp.MustCompile(`(?:펀드|조합)$`)
	koFundUp  = regexp.MustCompile(`^(?:결성|조성|클로징|설정)(?:했|한|하|해|을|를|에|됐|된|$)`)
	koGrant   = regexp.MustCompile(`^지원받|^지원을$|^(?:지원금|보조금|출연금|정부지원금)(?:을|를|으로)?$`)
	koDebt    = regexp.MustCompile(`(?:대출|융자|차입|차입금|사채|브릿지론|신디케이트론)(?:을|를|으로|로)?$`)
	koDebtUp  = regexp.MustCompile(`^(?:받|유치|확보|실행|조달|승인|발행|제공|약정|체결)`)
	koGives   = regexp.MustCompile(`^(?:실행|제공|승인)`)
	// koLender is how a lender's name ends: "기업은행", "신용보증기금".
	koLender = regexp.MustCompile(`(?:은행|금고|캐피탈|금융|공사|기금|보험|증권|공단|중앙회)$`)
	// koPlan marks a deal not done: planned, pursued, in talks, under way.
	koPlan = regexp.MustCompile(`^(?:계획|예정|추진|목표|검토|협의|협상|우선협상|논의|방침|전망|준비|나섰|나선|나설|나서|진행|착수|타진|앞두|앞둔|기대|가능성|설$|설이|후보|의향|중$|중이|중인|위해|위한|못|않|무산|실패|철회|불발|취소|할)`)
	// koFuture is a verb ending that tells what is to come: "유치할",
	// "인수하기 위해", "받을".
	koFuture = regexp.MustCompile(`(?:할|하려|하겠|할지|받을|될|되기|하기)$`)
	// koAggregate marks a total over many deals.
	koAggregate = regexp.MustCompile(`^(?:누적|총누적|지금까지|현재까지|그동안|올해\s?들어)`)
)

// koVerb is a word that says a deal's kind.
type koVerb struct {
	kind    pulse.DealKind
	at, by  int  // the word saying the kind, the word whose ending tells whether it is done
	gives   bool // the subject gives the money: "X는 Y에 투자했다"
	of      bool // it gives to the round of a company: "X는 Y의 시리즈A 투자를 주도했다"
	passive bool // "Y는 X에 인수됐다"
}

// koVerbs finds the deal verbs of a sentence, in order.
func koVerbs(text string, ws []koWord, all []money.Match) []koVerb {
	var out []koVerb
	hasFunding := false
	for i := range ws {
		if v, ok := koVerbAt(text, ws, i, all); ok {
			if v.kind == pulse.KindFundingRound {
				hasFunding = true
			}
			out = append(out, v)
		}
	}
	kept := out[:0]
	for _, v := range out {
		if v.kind == pulse.KindDebt && hasFunding {
			continue // "자금" said of a round, not a loan
		}
		if n := len(kept); n > 0 && (kept[n-1].by >= v.at || v.kind == pulse.KindIPO && kept[n-1].kind == pulse.KindIPO) {
			continue // "인수를 완료했다", "600억 원을 조달하며 상장했다": one deal
		}
		if !koDoneAt(text, ws, v.by) {
			continue
		}
		kept = append(kept, v)
	}
	return kept
}

// koVerbAt reads the deal a word starts to say, if it does.
func koVerbAt(text string, ws []koWord, i int, all []money.Match) (koVerb, bool) {
	s := ws[i].text(text)
	next := ""
	if i+1 < len(ws) && !ws[i].comma {
		next = ws[i+1].text(text)
	}
	switch {
	case koAcq.MatchString(s):
		v := koVerb{kind: pulse.KindAcquisition, at: i, by: i}
		rest := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "인수합병"), "흡수합병"), "인수"), "(M&A)")
		v.passive = strings.HasPrefix(s, "피인수") || strings.HasPrefix(rest, "됐") || strings.HasPrefix(rest, "되") || strings.HasPrefix(rest, "된") || strings.HasPrefix(rest, "돼")
		if (rest == "를" || rest == "에") && next != "" {
			v.by = i + 1 // "인수를 완료했다", "인수에 성공했다"
			if !koDone.MatchString(next) {
				return koVerb{}, false
			}
		}
		return v, true
	case koIPO.MatchString(s):
		return koVerb{kind: pulse.KindIPO, at: i, by: i}, true
	case koIPONoun.MatchString(s) && koDone.MatchString(next):
		return koVerb{kind: pulse.KindIPO, at: i, by: i + 1}, true
	case koFund.MatchString(ws[i].base(text)) && (koFundUp.MatchString(next) || next == "결성을" || next == "조성을"):
		v := koVerb{kind: pulse.KindFund, at: i, by: i + 1}
		if (next == "결성을" || next == "조성을") && i+2 < len(ws) {
			v.by = i + 2
		}
		return v, true
	case koGrant.MatchString(s):
		v := koVerb{kind: pulse.KindGrant, at: i, by: i}
		if strings.HasPrefix(s, "지원받") {
			return v, true
		}
		// "보조금을 받았다", "보조금 2억 원을 받았다"
		for j := i + 1; j < len(ws) && j <= i+3; j++ {
			if strings.HasPrefix(ws[j].text(text), "받") {
				v.by = j
				return v, true
			}
			if koClauseEnd(text, ws[j-1]) {
				break
			}
		}
		return koVerb{}, false
	case koDebt.MatchString(s) && koDebtUp.MatchString(next) && !strings.HasPrefix(s, "투자"):
		return koVerb{kind: pulse.KindDebt, at: i, by: i + 1, gives: koGives.MatchString(next)}, true
	case koRaiseIn.MatchString(s):
		return koVerb{kind: pulse.KindFundingRound, at: i, by: i}, true
	case koInvest.MatchString(s):
		return koVerb{kind: pulse.KindFundingRound, at: i, by: i, gives: true}, true
	case next != "" && koRole(next) != 0 && (koFunds[ws[i].base(text)] || koRoundWord(text, ws[i])) && ws[i].marked("을", "를", "에"):
		return koVerb{kind: pulse.KindFundingRound, at: i, by: i + 1, gives: true, of: true}, true
	case next != "" && koRaise.MatchString(next) && koRaisesWith(text, ws[i], all, strings.HasPrefix(next, "받")):
		v := koVerb{kind: pulse.KindFundingRound, at: i, by: i + 1}
		if b := ws[i].base(text); !strings.Contains(b, "투자") && !koRoundWord(text, ws[i]) && koIPOContext(text[ws[0].start:ws[len(ws)-1].end]) {
			v.kind = pulse.KindIPO // "공모를 통해 600억 원을 조달했다"
		}
		return v, true
	}
	return koVerb{}, false
}

// koRaisesWith reports whether w names what is raised: investment, funds,
// a round, or an amount ("150억 원을 유치했다"). Only investment is
// received ("투자를 받았다"); an amount received may be anything.
func koRaisesWith(text string, w koWord, all []money.Match, received bool) bool {
	b := w.base(text)
	if koFunds[b] || strings.HasSuffix(b, "투자") {
		return true
	}
	if received {
		return false
	}
	if koRoundWord(text, w) {
		return true
	}
	for _, m := range all {
		if m.End > w.start && m.End <= w.end {
			return true
		}
	}
	return len(koBareWon(text, Span{w.start, w.end})) > 0
}

// koIPOContext reports whether s tells of a listing: "공모", "IPO",
// "상장", not "상장사" or "상장기업", which are only listed.
func koIPOContext(s string) bool {
	if strings.Contains(s, "공모") || strings.Contains(s, "IPO") || strings.Contains(s, "기업공개") {
		return true
	}
	for i := 0; ; {
		k := strings.Index(s[i:], "상장")
		if k < 0 {
			return false
		}
		i += k + len("상장")
		if !strings.HasPrefix(s[i:], "사") && !strings.HasPrefix(s[i:], "기업") && !strings.HasPrefix(s[i:], " 기업") && !strings.HasPrefix(s[i:], "폐지") {
			return true
		}
	}
}

// koRoundWord reports whether w names a round: "시리즈A를".
func koRoundWord(text string, w koWord) bool {
	r, _ := koRoundIn(text, Span{w.start, w.end})
	return r != ""
}

// koDoneAt reports whether the verb at word i tells a deal done, not one
// planned, pursued or failed: "유치했다", "유치한 바 있다", not "유치할
// 계획이다", "인수를 추진하고 있다", "투자 유치에 나섰다".
func koDoneAt(text string, ws []koWord, i int) bool {
	s := ws[i].text(text)
	if koFuture.MatchString(s) {
		return false
	}
	if strings.HasSuffix(s, "하기로") {
		// "인수하기로 합의했다" is agreed; "유치하기로 했다" is decided
		// only.
		return i+1 < len(ws) && strings.HasPrefix(ws[i+1].text(text), "합의")
	}
	if koClauseEnd(text, ws[i]) {
		return true
	}
	for j := i + 1; j < len(ws) && j <= i+3; j++ {
		t := ws[j].text(text)
		if koPlan.MatchString(t) {
			return false
		}
		if strings.HasPrefix(t, "금액") || strings.HasPrefix(t, "규모") || strings.HasPrefix(t, "실적") || strings.HasPrefix(t, "건수") {
			return false // "투자 유치 금액은": a noun, not a verb
		}
		if koClauseEnd(text, ws[j]) {
			break
		}
	}
	return true
}

// koDeals reads the deals of a Korean sentence; without full, only their
// kinds and parties.
func koDeals(text string, sp Span, all []money.Match, year int, full bool) []cjkFound {
	if !koCue.in(text[sp.Start:sp.End]) {
		return nil
	}
	ws := koWords(text, sp)
	vs := koVerbs(text, ws, all)
	var out []cjkFound
	from := 0 // the first word of the current verb's stretch
	var subject *cjkFound
	for k, v := range vs {
		until := len(ws) // where words after the verb stop counting for it
		if k+1 < len(vs) {
			until = vs[k+1].at
		}
		f, ok := koDeal(text, sp, ws, v, from, until, subject, all, year, full)
		from = v.by + 1
		if !ok {
			continue
		}
		if !f.pronoun {
			subject = &f
		}
		out = append(out, f)
	}
	return out
}

// koDeal reads one deal: its parties from words from..v.at, what the
// words up to until add.
func koDeal(text string, sp Span, ws []koWord, v koVerb, from, until int, prev *cjkFound, all []money.Match, year int, full bool) (cjkFound, bool) {
	c := &cand{kind: v.kind, kindAt: Span{ws[v.at].start, ws[v.by].end}, sent: sp}
	f := cjkFound{c: c}
	own := Span{ws[from].start, ws[v.by].end}
	rest := Span{ws[from].start, ws[until-1].end}
	for _, w := range ws[from:v.at] {
		if koAggregate.MatchString(w.text(text)) {
			return f, false
		}
	}
	topic, who := koTopic(text, ws, from, v.at)
	switch who {
	case koUnnamed:
		return f, false
	case koPronoun:
		f.pronoun = true
	case koNamed:
		c.company, c.aliases = topic.n, topic.aliases
	}
	switch {
	case v.kind == pulse.KindAcquisition && !v.passive:
		// "S는 T를 인수했다", "S, T 인수": T is bought, S buys.
		target, ok := koTarget(text, ws, from, v.at)
		if !ok {
			return f, false
		}
		if who == koNone {
			if n, ok := koHeadline(text, sp, ws, from, v.at, all); ok {
				c.company, who = n.n, koNamed // "S, T 인수"
			}
		}
		if who == koNamed {
			c.investors = append(c.investors, c.company)
		} else if who == koPronoun && full {
			if m, _ := cjkMain(text, sp.Start); m.text != "" {
				c.investors = append(c.investors, name{text: m.text})
			}
		}
		f.pronoun, c.company, c.aliases = false, target.n, target.aliases
		koStake(text, own, c)
	case v.kind == pulse.KindAcquisition:
		// "T는 S에 인수됐다"
		if who == koNone {
			return f, false
		}
		if by, ok := koTo(text, ws, from, v.at); ok {
			c.investors = append(c.investors, by.n)
		}
	case v.gives:
		// "X는 Y에 30억 원을 투자했다", "X은행은 Y에 대출을 실행했다":
		// Y receives.
		to, ok := koTo(text, ws, from, v.at)
		if v.of {
			to, ok = koOf(text, ws, from, v.at)
		}
		if !ok || who == koNone && !koAmountOrRound(text, own, all) || v.kind == pulse.KindDebt && (who != koNamed || !koLender.MatchString(c.company.text)) {
			return f, false
		}
		var giver name
		if who == koNamed {
			giver = c.company
		} else if who == koPronoun && full {
			giver, _ = cjkMain(text, sp.Start)
			giver = name{text: giver.text}
		}
		if giver.text != "" {
			c.investors = append(c.investors, giver)
			if koRole(ws[v.by].text(text)) == 2 {
				c.leads = append(c.leads, giver)
			}
		}
		f.pronoun, c.company, c.aliases = false, to.n, to.aliases
	case who == koNone:
		switch {
		case prev != nil && prev.c.company.text != "":
			c.company, c.aliases = prev.c.company, prev.c.aliases // "X는 …를 유치한 데 이어 …를 유치했다"
		default:
			if n, ok := koHeadline(text, sp, ws, from, v.at, all); ok {
				c.company, c.aliases = n.n, n.aliases
			} else if koAmountOrRound(text, own, all) && !koOtherSubject(text, ws, from, v.at) {
				f.pronoun = true // "지난해에는 40억 원을 유치했다": the text's company
			} else {
				return f, false
			}
		}
	}
	if c.kind == pulse.KindGrant && koAmount(text, own, all) == nil {
		return f, false // "정부 지원을 받아 개발했다" tells of no grant
	}
	if c.kind == pulse.KindFundingRound {
		c.round = "undisclosed"
	}
	if !full {
		return f, true
	}
	c.money = koAmount(text, own, all)
	if c.money == nil {
		c.money = koAmount(text, Span{ws[v.by].end, rest.End}, all)
	}
	if c.kind == pulse.KindFundingRound {
		if r, at := koRoundIn(text, own); r != "" {
			c.round, c.roundAt = r, at
		} else if r, at := koRoundIn(text, rest); r != "" {
			c.round, c.roundAt = r, at
		}
	}
	koParties(text, rest, c)
	// The date follows the verb: "…유치했다고 3월 25일 밝혔다".
	c.announced, c.dateAt = cjkDate(text, rest, year)
	return f, true
}

// koAmountOrRound reports whether sp states an amount or a round: a
// sentence without a subject is a deal of the text's company only then.
func koAmountOrRound(text string, sp Span, all []money.Match) bool {
	if r, _ := koRoundIn(text, sp); r != "" {
		return true
	}
	return koAmount(text, sp, all) != nil
}

// koNamed and the rest say what a subject turned out to be.
const (
	koNone    = iota // no subject
	koNamed          // a company named
	koPronoun        // "회사는", "이 회사는": the text's company
	koUnnamed        // "한 스타트업은": a company the text does not name
)

// koName is a name cut out of a word, with the names brackets give it.
type koName struct {
	n       name
	aliases []string
}

// koTopic is the subject of the words from..to: the first word marked as
// topic ("은/는") that names a company, else the first subject ("이/가/도")
// that is not an investor ("X가 주도한").
func koTopic(text string, ws []koWord, from, to int) (koName, int) {
	for _, ps := range [][]string{{"은", "는", "께서"}, {"이", "가", "도"}} {
		for i := from; i < to; i++ {
			w := ws[i]
			if !w.marked(ps...) || i+1 < len(ws) && koRole(ws[i+1].text(text)) != 0 || i+2 < len(ws) && !ws[i+1].comma && koRole(ws[i+2].text(text)) != 0 {
				continue
			}
			n, who := koNameAt(text, ws, i)
			if who == koNamed {
				n.aliases = append(n.aliases, koRuns(text, ws, i)...)
			}
			if who != koNone {
				return n, who
			}
		}
	}
	return koName{}, koNone
}

// koRuns is the service a company is said to run, which headlines often
// name instead: "타고라이드를 운영하는 라이드웍스", "타고라이드 운영사
// 라이드웍스".
func koRuns(text string, ws []koWord, i int) []string {
	if i < 2 {
		return nil
	}
	switch v := ws[i-1].text(text); {
	case koRunsRe.MatchString(v) && ws[i-2].marked("을", "를"),
		(v == "운영사" || v == "개발사") && ws[i-2].part == "" && !ws[i-2].comma:
		if n, who := koNameAt(text, ws, i-2); who == koNamed {
			return []string{n.n.text}
		}
	}
	return nil
}

var koRunsRe = regexp.MustCompile(`^(?:운영하는|운영하고|운영 중인|서비스하는|선보인|만든)$`)

// koOtherSubject reports whether the words from..at have a subject that
// names no company: "바이오 분야가 가장 많은 투자를 유치했다".
func koOtherSubject(text string, ws []koWord, from, at int) bool {
	for _, w := range ws[from:at] {
		if w.marked("이", "가") && !koAmountWord(text, w) {
			return true
		}
	}
	return false
}

// koTarget is what an acquisition buys: the object before the verb ("T를
// 인수했다"), the owner of a stake ("T의 지분 30%를", "T 지분을"), or the
// word right before the verb ("S, T 인수").
func koTarget(text string, ws []koWord, from, at int) (koName, bool) {
	adjacent := true // no word but an amount between here and the verb
	for i := at - 1; i >= from; i-- {
		w := ws[i]
		if w.comma || w.marked("은", "는", "이", "가") {
			break
		}
		obj := w.marked("을", "를")
		if obj && (koStakeWord(w.base(text)) || strings.HasPrefix(w.base(text), "경영권")) {
			// The stake's owner is the word before "지분" or "경영권".
			for j := i; j >= from && j >= i-3; j-- {
				if t := ws[j].text(text); (strings.HasPrefix(t, "지분") || strings.HasPrefix(t, "경영권")) && j > from && (ws[j-1].part == "의" || ws[j-1].part == "") {
					n, who := koNameAt(text, ws, j-1)
					return n, who == koNamed
				}
			}
			return koName{}, false
		}
		if koAmountWord(text, w) {
			continue // "T 500억 원에 인수"
		}
		if !obj && !(adjacent && w.part == "" && !koStakeWord(w.text(text))) {
			adjacent = false
			continue
		}
		n, who := koNameAt(text, ws, i)
		return n, who == koNamed
	}
	return koName{}, false
}

// koAmountWord reports whether w is part of an amount: "500억에", "원에",
// "규모에".
func koAmountWord(text string, w koWord) bool {
	b := w.base(text)
	if b == "원" || b == "규모" || b == "달러" || b == "약" || b == "총" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(b)
	return unicode.IsDigit(r)
}

// koStakeWord reports whether s is a stake told as a share: "30%를",
// "지분".
func koStakeWord(s string) bool {
	return strings.HasPrefix(s, "지분") || strings.ContainsAny(s, "%％")
}

// koTo is who is given to: the word marked "에"/"에게" before the verb
// ("Y에 투자했다", "X에 인수됐다").
func koTo(text string, ws []koWord, from, at int) (koName, bool) {
	for i := at - 1; i >= from; i-- {
		if ws[i].marked("에", "에게") {
			n, who := koNameAt(text, ws, i)
			return n, who == koNamed
		}
	}
	return koName{}, false
}

// koOf is the company whose round the words before at tell: "Y의 시리즈A
// 투자를 주도했다".
func koOf(text string, ws []koWord, from, at int) (koName, bool) {
	for i := at - 1; i >= from && i >= at-3; i-- {
		if ws[i].marked("의") {
			n, who := koNameAt(text, ws, i)
			return n, who == koNamed
		}
	}
	return koName{}, false
}

// koHeadline is the company of a headline: "AI 반도체 스타트업 누리칩, 120억
// 원 규모 시리즈A 투자 유치", "누리칩 120억 원 투자 유치". Before the verb
// no word takes a particle, and the name comes first.
func koHeadline(text string, sp Span, ws []koWord, from, at int, all []money.Match) (koName, bool) {
	if from > 0 || strings.HasSuffix(strings.TrimRight(text[sp.Start:sp.End], ".。 "), "다") {
		return koName{}, false
	}
	end := -1
	for i := 0; i < at; i++ {
		if ws[i].part != "" && ws[i].part != "의" {
			return koName{}, false
		}
		if ws[i].comma {
			end = i
			break
		}
		starts := false
		for _, m := range all {
			if m.Start >= ws[i].start && m.Start < ws[i].end {
				starts = true
			}
		}
		if r, _ := koRoundIn(text, Span{ws[i].start, ws[i].end}); starts || r != "" {
			end = i - 1
			break
		}
	}
	if end < 0 {
		return koName{}, false
	}
	n, who := koNameAt(text, ws, end)
	return n, who == koNamed
}

var (
	// koGeneric are words that stand where a name would but name no one.
	koGeneric = map[string]bool{"투자": true, "이번": true, "투자사": true, "투자자": true, "투자사들": true, "투자자들": true, "기존": true, "신규": true,
		"정부": true, "기관": true, "곳": true, "개사": true, "라운드": true, "벤처캐피탈": true, "투자기관": true, "주주": true, "기존주주": true,
		"등": true, "외": true, "다수": true, "이들": true, "모두": true, "함께": true, "각각": true, "공동": true, "대표": true, "관계자": true,
		"업계": true, "시장": true, "규모": true, "금액": true, "매출": true, "기업가치": true, "올해": true, "지난해": true, "작년": true, "최근": true,
		"현재": true, "한편": true, "또한": true, "특히": true, "이어": true, "앞서": true, "당시": true, "이후": true, "이날": true, "오늘": true,
		"지난달": true, "이달": true, "이번달": true, "자금": true, "투자금": true, "회사측": true, "측": true, "그": true, "이": true, "또": true,
		"엔젤투자자": true, "개인투자자": true, "재무적투자자": true, "전략적투자자": true, "액셀러레이터": true, "은행": true, "금융기관": true,
		"분야": true, "산업": true, "사업": true, "기술": true, "부문": true, "영역": true, "프로젝트": true, "해외": true, "국내": true, "지역": true,
		"부동산": true, "주식": true, "채권": true, "설비": true, "공장": true, "연구개발": true, "인프라": true, "데이터센터": true, "펀드": true,
		"미국": true, "중국": true, "일본": true, "유럽": true, "동남아": true, "인도": true, "소상공인": true, "고객": true, "중소기업": true,
		"소비자": true, "개인": true, "사용자": true, "이용자": true, "가맹점": true, "사업부": true, "사업부문": true, "자산": true,
		"부지": true, "건물": true, "특허": true, "브랜드": true, "사업권": true}
	// koCompanyWords are what a company is called when it is not named:
	// "이 회사", "한 스타트업".
	koCompanyWords = map[string]bool{"회사": true, "기업": true, "업체": true, "스타트업": true, "벤처": true, "벤처기업": true, "플랫폼": true,
		"스타트업들": true, "기업들": true, "신생기업": true, "법인": true, "자회사": true, "계열사": true, "동사": true, "당사": true, "이곳": true}
	// koLatinGeneric are Latin words a name does not begin with.
	koLatinGeneric = map[string]bool{"VC": true, "CVC": true, "AI": true, "PE": true, "IT": true, "AC": true, "LP": true, "GP": true, "SI": true,
		"FI": true, "K": true, "B2B": true, "B2C": true, "SaaS": true}
	koShortRe = regexp.MustCompile(`^이하\s?['‘"“]?([^'’"”]{2,30})['’"”]?$`)
)

// koNameAt cuts a name out of the word at i, before its particle: a quote,
// else the word itself, with the Latin words before it that are part of a
// Latin name ("AI 스타트업 Twelve Labs가"). Brackets after the name give
// another name ("퓨리오사AI(FuriosaAI)", "(이하 누리칩)") or are dropped
// ("(대표 박서연)").
func koNameAt(text string, ws []koWord, i int) (koName, int) {
	w := ws[i]
	a, b := w.start, w.stem
	var out koName
	for {
		pa, in, ok := trailingParen(text, a, b)
		if !ok {
			break
		}
		in = strings.TrimSpace(in)
		if isLatinName(in) {
			out.aliases = append(out.aliases, in)
		} else if m := koShortRe.FindStringSubmatch(in); m != nil {
			out.aliases = append(out.aliases, m[1])
		}
		b = pa
	}
	// A tag before the name: "[단독]누리칩"; a legal form: "(주)누리칩".
	if strings.HasPrefix(text[a:b], "[") {
		if k := strings.Index(text[a:b], "]"); k > 0 {
			a += k + 1
		}
	}
	for _, l := range []string{"(주)", "㈜", "주식회사"} {
		if strings.HasPrefix(text[a:b], l) && b-a > len(l) {
			a += len(l)
		}
		if strings.HasSuffix(text[a:b], l) && b-a > len(l) {
			b -= len(l)
		}
	}
	if qa, qb, ok := lastQuoted(text, a, b); ok {
		a, b = qa, qb
	} else if qa, qb, ok := koQuoted(text, a, b); ok {
		a, b = qa, qb
	} else if isLatinName(text[a:b]) {
		for j := i - 1; j >= 0 && ws[j].part == "" && !ws[j].comma; j-- {
			t := ws[j].text(text)
			if !isLatinName(t) || koLatinGeneric[t] || !unicode.IsUpper(rune(t[0])) && !unicode.IsDigit(rune(t[0])) {
				break
			}
			a = ws[j].start
		}
	}
	s := text[a:b]
	if koCompanyWords[s] {
		if s == "회사" || s == "동사" || s == "당사" {
			if i == 0 || ws[i-1].text(text) == "이" || ws[i-1].comma || koGeneric[ws[i-1].text(text)] {
				return koName{}, koPronoun
			}
			return koName{}, koUnnamed
		}
		if i > 0 && ws[i-1].text(text) == "이" {
			return koName{}, koPronoun // "이 스타트업은"
		}
		return koName{}, koUnnamed
	}
	if koGeneric[s] || !plausibleName(s) || koNotName.MatchString(s) {
		return koName{}, koNone
	}
	out.n = name{text: s, start: a, end: b}
	return out, koNamed
}

// koNotName rejects a word that cannot be a name: a verb ("설계하는" cut
// before "는"), a date or a count, an amount.
var koNotName = regexp.MustCompile(`(?:하|되|있|없|했|됐|였|었|았|한|된|할|적)$|^\d|\d(?:년|월|일|곳|개|명|억|만|조|원)|억|원$|달러$`)

// koQuoted is the content of a single-quoted name that ends text[a:b]:
// "'글로우브릿지'", "‘누리칩’".
func koQuoted(text string, a, b int) (int, int, bool) {
	s := text[a:b]
	for _, q := range [][2]string{{"'", "'"}, {"‘", "’"}} {
		if !strings.HasSuffix(s, q[1]) {
			continue
		}
		k := strings.LastIndex(s[:len(s)-len(q[1])], q[0])
		if k < 0 {
			continue
		}
		if qa, qb := a+k+len(q[0]), b-len(q[1]); qa < qb {
			return qa, qb, true
		}
	}
	return 0, 0, false
}

// koRole is what a word says of the subject before it: 2 it leads
// ("주도했으며", "리드하고"), 1 it takes part ("참여했다", "투자했다"),
// 0 neither.
func koRole(s string) int {
	switch {
	case koLeadRe.MatchString(s):
		return 2
	case koJoinRe.MatchString(s):
		return 1
	}
	return 0
}

var (
	koLeadRe = regexp.MustCompile(`^(?:주도|리드|이끌|이끈|선도)(?:했|하|한|해|로|$)|^(?:리드|주도)투자`)
	koJoinRe = regexp.MustCompile(`^(?:참여|투자|합류|가세|동참|참가|후속투자|공동투자)(?:했|하|한|해)`)
)

// koParties adds to c the investors sp names: before "주도했다",
// "리드하고", "참여했다" ("이번 투자는 X가 주도했으며, Y와 기존 투자사인
// Z가 참여했다"), before "로부터" ("X로부터 투자를 받았다"), and for a
// grant the agency whose programme it is ("중소벤처기업부의 팁스").
func koParties(text string, sp Span, c *cand) {
	ws := koWords(text, sp)
	add := func(ns []name, lead bool) { addParties(c, ns, lead) }
	for i, w := range ws {
		t := w.text(text)
		role := koRole(t)
		if role == 0 && i > 0 && strings.HasSuffix(ws[i-1].base(text), "투자") && (strings.HasPrefix(t, "단행") || strings.HasPrefix(t, "집행")) {
			role = 1 // "Y도 후속 투자를 단행했다"
		}
		if role != 0 {
			// The subject: the nearest "X가", "X도", "X 등이" before.
			lead := role == 2
			for j := i - 1; j >= 0 && j >= i-5; j-- {
				s := ws[j].text(text)
				if strings.HasPrefix(s, "리드") || strings.HasPrefix(s, "주도") {
					lead = true // "X가 리드 투자자로 참여했다"
				}
				if koClauseEnd(text, ws[j]) || koRole(s) != 0 || ws[j].marked("에는", "에서는") {
					break
				}
				if b := ws[j].base(text); ws[j].marked("에") && !strings.Contains(b, "투자") && !strings.Contains(b, "라운드") {
					break // "X는 정부 과제에 참여했다" joined something else
				}
				if ws[j].marked("이", "가", "도", "은", "는") {
					add(koList(text, ws, j), lead) // "이번 투자는" names none
					break
				}
			}
		}
		if w.marked("로부터", "으로부터") && (c.kind == pulse.KindFundingRound || c.kind == pulse.KindDebt || c.kind == pulse.KindGrant) {
			add(koList(text, ws, i), false)
		}
		if c.kind == pulse.KindGrant && w.marked("의", "에서") {
			if n, who := koNameAt(text, ws, i); who == koNamed && koAgency.MatchString(n.n.text) {
				add([]name{n.n}, false)
			}
		}
	}
}

// koAgency is how public bodies that give grants are named.
var koAgency = regexp.MustCompile(`(?:부|처|청|원|공단|공사|재단|진흥원|위원회|기금|센터|시|도|군|구)$`)

// koList is the list of names that ends at word i: "X, Y, Z 등이", "X와
// 기존 투자사인 Y가". It runs back to the start of the clause, a topic or
// another particle.
func koList(text string, ws []koWord, i int) []name {
	first := i
	for j := i - 1; j >= 0; j-- {
		w := ws[j]
		if koVerbEnd(w.text(text)) || koRole(w.text(text)) != 0 {
			break
		}
		if w.part != "" && !w.marked("와", "과") {
			break
		}
		first = j
	}
	// Items end at a comma, "와/과", "및" or "그리고"; in each, the name is
	// the last word ("기존 투자사인 Y"), and "등" ends the list.
	var out []name
	var item []int
	flush := func() {
		if len(item) == 0 {
			return
		}
		k := item[len(item)-1]
		item = nil
		if n, who := koNameAt(text, ws, k); who == koNamed && !koGenericEnd(n.n.text) {
			out = append(out, n.n)
		}
	}
	for j := first; j <= i; j++ {
		t := ws[j].text(text)
		if t == "및" || t == "그리고" {
			flush()
			continue
		}
		if t == "등" || strings.HasPrefix(t, "등") && ws[j].stem-ws[j].start == len("등") {
			flush() // what follows "등" up to the next comma says what they are
			continue
		}
		item = append(item, j)
		if ws[j].comma || ws[j].marked("와", "과") || j == i {
			flush()
		}
	}
	return out
}

// koGenericEnd reports whether a name is a kind of investor rather than
// one: "투자사", "벤처캐피탈".
func koGenericEnd(s string) bool {
	return koGeneric[s] || koCompanyWords[s]
}

// koStake sets the stake an acquisition names: "지분 30%를 인수"; a stake
// below half is an investment.
func koStake(text string, sp Span, c *cand) {
	s := text[sp.Start:sp.End]
	if m := koStakeRe.FindStringSubmatchIndex(s); m != nil {
		if v, err := strconv.ParseFloat(s[m[2]:m[3]], 64); err == nil && v > 0 && v <= 100 {
			c.stake, c.stakeAt = v, Span{sp.Start + m[0], sp.Start + m[1]}
			if v < 50 {
				c.kind = pulse.KindInvestment
			}
		}
	}
}

var koStakeRe = regexp.MustCompile(`(?:지분\s?)?(\d+(?:\.\d+)?)\s?[%％]`)

// koNotAmount marks an amount that sizes something other than the deal: a
// valuation, revenue, a market, a total, a price per share.
var (
	koNotBefore = regexp.MustCompile(`(?:매출|매출액|영업이익|순이익|기업가치|가치|밸류에이션|시가총액|시총|시장|누적|거래액|평가|주당|공모가|연봉|자본금)(?:은|는|이|가|을|를|의|로|으로|도)?\s?(?:약|총|최대|최소|무려)?\s?$`)
	koNotAfter  = regexp.MustCompile(`^\s?(?:이상|수준|규모|가량|대)?(?:의|으로|로|를|을|에)?\s?(?:기업가치|가치|밸류|시장|매출|시가총액|평가)`)
)

// koAmount is the first amount in sp that sizes the deal; failing one with
// a currency, one in won without it, as headlines write them ("120억
// 유치").
func koAmount(text string, sp Span, all []money.Match) *money.Match {
	for _, ms := range [][]money.Match{all, koBareWon(text, sp)} {
		for _, m := range ms {
			if m.Start < sp.Start || m.End > sp.End || m.PerUnit {
				continue
			}
			pre := strings.ToValidUTF8(text[max(sp.Start, m.Start-30):m.Start], "")
			post := strings.ToValidUTF8(text[m.End:min(sp.End, m.End+30)], "")
			if koNotBefore.MatchString(pre) || koNotAfter.MatchString(post) {
				continue
			}
			return &m
		}
	}
	return nil
}

var koBareRe = regexp.MustCompile(`\d[\d,.]*\s?[조억](?:\s?\d[\d,.]*\s?[억만])?`)

// koBareWon reads the amounts in sp written in 조 and 억 with no currency
// after them: money.Find counts those as numbers, not money, but in a
// Korean deal they are won. "10억대" is a range, not an amount.
func koBareWon(text string, sp Span) []money.Match {
	var out []money.Match
	s := text[sp.Start:sp.End]
	for _, loc := range koBareRe.FindAllStringIndex(s, -1) {
		if prev, _ := utf8.DecodeLastRuneInString(s[:loc[0]]); loc[0] > 0 && (prev < 0x80 && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) || prev == '.') {
			continue
		}
		if !koBareNext(s[loc[1]:]) {
			continue // "10억대", "1억 명"
		}
		piece := s[loc[0]:loc[1]]
		ms := money.Find(piece + " 원")
		if len(ms) != 1 || ms[0].Start != 0 || ms[0].End < len(piece) {
			continue
		}
		out = append(out, money.Match{Start: sp.Start + loc[0], End: sp.Start + loc[1], Amount: ms[0].Amount, Currency: ms[0].Currency})
	}
	return out
}

// koBareNext reports whether what follows a bare amount makes it money: a
// particle, "규모", "투자", the end; not a counted noun ("1억 명") or a
// range ("10억대").
func koBareNext(s string) bool {
	s = strings.TrimPrefix(s, " ")
	if s == "" || strings.ContainsRune(",.)'’", rune(s[0])) {
		return true
	}
	for _, w := range []string{"을", "를", "에", "의", "이", "가", "은", "는", "으로", "로", "도", "과", "와", "규모", "투자", "유치", "상당", "어치"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// koStated is the amount a sentence after a deal states for it: "투자
// 규모는 120억 원이다", "이번 투자 금액은 비공개다".
func koStated(text string, sp Span) *money.Match {
	ws := koWords(text, sp)
	for i, w := range ws {
		b := w.base(text)
		prev := ""
		if i > 0 {
			prev = ws[i-1].base(text)
		}
		if !w.marked("은", "는", "이", "가") || !koStatedWords[b] || !strings.Contains(b, "투자") && !strings.Contains(b, "유치") && prev != "투자" && prev != "유치" {
			continue
		}
		if strings.Contains(text[sp.Start:w.start], "누적") {
			return nil
		}
		all := money.Find(text[w.end:sp.End])
		for k := range all {
			all[k].Start += w.end
			all[k].End += w.end
			if a := all[k].Alt; a != nil {
				alt := *a
				alt.Start += w.end
				alt.End += w.end
				all[k].Alt = &alt
			}
		}
		return koAmount(text, Span{w.end, sp.End}, all)
	}
	return nil
}

var koStatedWords = map[string]bool{"규모": true, "금액": true, "투자금": true, "투자금액": true, "유치액": true, "투자액": true, "투자규모": true, "유치금액": true}

var koRoundRe = regexp.MustCompile(`(?i)(프리\s?-?\s?시리즈\s?|프리\s?-?\s?|pre-?\s?(?:series\s?)?)([A-H])(?:\d|\+)*|(?:시리즈|series)\s?-?\s?([A-H])(?:\d|\+)*|(프리\s?시드|pre-?seed)|(시드|seed)|(엔젤)|(브릿지|브리지|bridge)|(전략적\s?투자)|(프리\s?IPO|pre-?IPO)`)

// koRoundIn is the funding stage sp states: "시리즈A", "프리A", "시드",
// "브릿지", "전략적 투자". A word that only holds one ("글로우브릿지",
// "매쉬업엔젤스", "시드니") states none; a bridge after a series is a
// bridge round.
func koRoundIn(text string, sp Span) (pulse.Round, Span) {
	s := text[sp.Start:sp.End]
	var round pulse.Round
	var at Span
	for _, m := range koRoundRe.FindAllStringSubmatchIndex(s, -1) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		after, _ := utf8.DecodeRuneInString(s[m[1]:])
		if isHangul(before) && g(1) == "" && g(8) == "" || before < 0x80 && unicode.IsLetter(before) || g(2)+g(3) != "" && after < 0x80 && unicode.IsLetter(after) {
			continue // inside a longer word
		}
		letter := strings.ToLower(g(2) + g(3))
		var r pulse.Round
		switch {
		case g(1) != "":
			r = pulse.Round("pre_series_" + letter)
		case g(3) != "":
			r = pulse.Round("series_" + letter)
		case g(4) != "":
			r = "pre_seed"
		case g(5) != "":
			if isHangul(after) && !koRoundNext(s[m[1]:]) {
				continue // "시드니"
			}
			r = "seed"
		case g(6) != "":
			if !koRoundNext(s[m[1]:]) || strings.HasPrefix(s[m[1]:], "투자자") {
				continue // "엔젤투자자" invests
			}
			r = "angel"
		case g(7) != "":
			if isHangul(after) && !koRoundNext(s[m[1]:]) {
				continue
			}
			if round != "" {
				return "bridge", Span{sp.Start + m[0], sp.Start + m[1]} // "시리즈B 브릿지"
			}
			r = "bridge"
		case g(8) != "":
			if strings.HasPrefix(s[m[1]:], "자") {
				continue // "전략적 투자자" invests
			}
			r = "strategic"
		case g(9) != "":
			r = "undisclosed"
		}
		if round == "" {
			round, at = r, Span{sp.Start + m[0], sp.Start + m[1]}
		}
	}
	return round, at
}

// koRoundNext reports whether what follows a stage word makes it a round:
// "시드 투자", "엔젤라운드", "브릿지 투자를".
func koRoundNext(s string) bool {
	s = strings.TrimLeft(s, " ")
	for _, w := range []string{"투자", "라운드", "단계", "머니", "펀딩", "자금", "를", "로", "에", "와", "및", "(", ")", ",", "'"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return s == ""
}
