package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/extract/money"
)

// Chinese, Japanese and Korean deal sentences get their own reading:
// Chinese and Japanese have no spaces between words, Korean fixes its
// particles to them (see "---- Korean ----"). A Chinese sentence is read
// clause by clause ("<公司>完成<金额><轮次>融资，由<投资方>领投，<投资方>跟投"); a Japanese
// one as a whole, around its topic ("<会社>は…<金額>の資金調達を実施").
// Names are cut out of the words before the verb: descriptors ("芯片公司",
// "…を開発する", "…の"), quotes, bracketed English names and locations,
// time words and legal forms are peeled off. "公司", "该公司", "同社" and
// "当社" stand for the first company the text is about.

// hasHan reports whether s contains Chinese, Japanese or Korean script.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hiragana, r) || isHangul(r) {
			return true
		}
	}
	return false
}

func isHiragana(r rune) bool { return r >= 0x3041 && r <= 0x309F }

// isKanaLetter excludes "ー" and "・", which Chinese text borrows too.
func isKanaLetter(r rune) bool { return isHiragana(r) || r >= 0x30A1 && r <= 0x30FA }

// japanese reports whether the sentence sp of text is Japanese: kana in it,
// or near the top of the text (an all-kanji headline).
func japanese(text string, sp Span) bool {
	for _, r := range text[sp.Start:sp.End] {
		if isKanaLetter(r) {
			return true
		}
	}
	for i, r := range text {
		if i > 4096 {
			break
		}
		if isKanaLetter(r) {
			return true
		}
	}
	return false
}

// cjkFound is a deal read from one sentence; pronoun marks a company named
// only as "the company", to be replaced by the text's main company.
type cjkFound struct {
	c       *cand
	pronoun bool
}

// takeName records what a name reader found for the deal's company: "the
// company" as a pronoun, or a name with its alias. It reports false when it
// found neither.
func (f *cjkFound) takeName(n name, alias string, pronoun, ok bool) bool {
	switch {
	case pronoun:
		f.pronoun = true
	case ok:
		f.c.company = n
		if alias != "" {
			f.c.aliases = append(f.c.aliases, alias)
		}
	default:
		return false
	}
	return true
}

// cjkDealsDated finds the deals a Chinese or Japanese sentence reports; year,
// the publication's, completes dates that give only a month and day
// ("10月22日").
func cjkDealsDated(text string, sp Span, all []money.Match, year int) []*cand {
	var out []*cand
	looked := false
	var main name
	var aliases []string
	for _, f := range cjkRead(text, sp, all, year, true) {
		if f.pronoun {
			if !looked {
				main, aliases = cjkMain(text, sp.Start)
				looked = true
			}
			if main.text == "" {
				continue // a deal whose recipient the text does not name
			}
			f.c.company = name{text: main.text}
			f.c.aliases = append(f.c.aliases, aliases...)
		}
		out = append(out, f.c)
	}
	return out
}

// cjkMain is the first company the text before offset names as a deal's
// party: what "公司" or "同社" later refers back to. Only the top of the
// text is read: that is where an article names what it is about.
func cjkMain(text string, before int) (name, []string) {
	if before > maxMainScan {
		before = maxMainScan
		for before > 0 && !utf8.RuneStart(text[before]) {
			before--
		}
	}
	read := 0
	for _, sp := range Sentences(text[:before]) {
		if !hasHan(text[sp.Start:sp.End]) {
			continue
		}
		if read++; read > maxMainSentences {
			break
		}
		for _, f := range cjkRead(text, sp, nil, 0, false) {
			if !f.pronoun && f.c.company.text != "" {
				return f.c.company, f.c.aliases
			}
		}
	}
	return name{}, nil
}

// maxMainScan and maxMainSentences bound what is read for the main company.
const (
	maxMainScan      = 3000
	maxMainSentences = 6
)

// cjkRead reads the deals of one sentence; without full, only their kinds
// and parties.
func cjkRead(text string, sp Span, all []money.Match, year int, full bool) []cjkFound {
	if korean(text[sp.Start:sp.End]) {
		return koDeals(text, sp, all, year, full)
	}
	if japanese(text, sp) {
		if !cjkCue.in(text[sp.Start:sp.End]) {
			return nil
		}
		if f, ok := jaDeal(text, sp, all, year, full); ok {
			return []cjkFound{f}
		}
		return nil
	}
	read, traditional := zhSimplify(text, sp)
	if !cjkCue.in(read[sp.Start:sp.End]) {
		return nil
	}
	found := zhDeals(read, sp, all, year, full)
	if traditional {
		for _, f := range found {
			asWritten(text, f.c)
		}
	}
	return found
}

// zhTraditional maps the traditional characters of deal news to simplified
// ones, one three-byte character for another, so that a traditional
// sentence is read with the same words and keeps its byte offsets.
var zhTraditional = strings.NewReplacer(strings.Split("輪轮資资領领獲获購购貸贷萬万與与參参開开發发佈布該该後后將将於于對对進进團团債债幣币華华際际機机構构權权關关閉闭傳传擬拟計计劃划談谈尋寻預预測测請请遞递輔辅導导啟启終终額额總总筆笔場场規规營营價价東东達达約约員员門门個个幾几兩两為为從从這这們们來来時时現现續续繼继認认併并買买銀银證证國国簽签務务業业產产車车藥药創创獨独電电廠厂應应運运設设號号稱称簡简專专數数據据報报聯联讓让轉转單单項项實实則则還还紅红騰腾訊讯掛挂櫃柜臺台灣湾億亿貨货顯显僅仅", "")...)

// zhSimplify is text with the sentence sp in simplified characters, and
// whether that changed it.
func zhSimplify(text string, sp Span) (string, bool) {
	s := text[sp.Start:sp.End]
	t := zhTraditional.Replace(s)
	if t == s {
		return text, false
	}
	return text[:sp.Start] + t + text[sp.End:], true
}

// asWritten gives c's names back as text writes them, after reading a
// simplified copy.
func asWritten(text string, c *cand) {
	fix := func(n *name) {
		if n.end > 0 {
			n.text = text[n.start:n.end]
		}
	}
	fix(&c.company)
	for i := range c.investors {
		fix(&c.investors[i])
	}
	for i := range c.leads {
		fix(&c.leads[i])
	}
}

// cjkCue is a quick test for any deal word in either language.
var cjkCue = words(`融资|投资|注资|增资|募资|收购|并购|买下|上市|IPO|贷款|授信|借款|债券|基金|定增|增发|配售|調達|増資|出資|買収|子会社化|株式|上場|融資|借入|借り入れ|社債|ファンド|第三者割当|公募`)

// cjkWords is a list of literal words. Go's regexp is slow on long
// alternations of multi-byte literals, and these are tried on every
// sentence.
type cjkWords []string

func words(s string) cjkWords { return strings.Split(s, "|") }

// in reports whether s contains one of the words.
func (ws cjkWords) in(s string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// first is where the leftmost word in s is, the earlier listed at a tie, as
// a regexp alternation would find it; nil when none is.
func (ws cjkWords) first(s string) []int {
	var at []int
	for _, w := range ws {
		if k := strings.Index(s, w); k >= 0 && (at == nil || k < at[0]) {
			at = []int{k, k + len(w)}
		}
	}
	return at
}

// suffix is the length of the first listed word s ends with, or 0.
func (ws cjkWords) suffix(s string) int {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return len(w)
		}
	}
	return 0
}

// ---- Chinese ----

var (
	// zhNot marks a clause that reports no done deal: plans, talks,
	// forecasts, approvals still pending, and what money will be used for.
	zhNot = words(`拟|计划|有意|洽谈|谈判|寻求|筹划|或将|传闻|据传|有望|预计|预测|即将|正在|意向|考虑|申请|递交|冲刺|筹备|辅导|招股|聆讯|获批|过会|受理|启动|用于|用来|以便|终止|取消|告吹`)
	// zhAggregate marks totals and statistics rather than one deal.
	zhAggregate = words(`累计|共计|合计|总计|总额|事件|笔融资|起融资|今年以来|年内|多家|多笔|市场规模|规模将`)
	// zhThisRound opens a clause about the round just reported.
	zhThisRound = regexp.MustCompile(`^(?:本轮|本次|此轮|该轮|这轮|此次|上述|这笔|该笔|募集资金|所融资金|资金)`)

	zhFundVerb       = regexp.MustCompile(`宣布完成|宣布获得|完成了?|获得了?|斩获|拿下|迎来|再获|又获|获`)
	zhFundNoun       = words(`融资|投资|注资|增资|募资`)
	zhInvestIn       = regexp.MustCompile(`(?:对|向)(.{2,60}?)(?:进行|完成|追加)?了?的?(?:战略|独家)?(?:投资|注资|增资)`)
	zhStrategic      = regexp.MustCompile(`战略投资了?`)
	zhBacked         = regexp.MustCompile(`(?:联合)?(?:领投|参投|投资|注资)了`)
	zhStrategicRound = regexp.MustCompile(`战略(?:融资|投资)`)
	zhOther          = words(`定增|定向增发|非公开发行|配售|增发`)
	zhIPO            = words(`上市|IPO`)
	zhIPODone        = words(`挂牌|成功上市|正式上市|登陆|敲钟|首日|完成IPO|上市了|已上市|顺利上市`)
	zhAcq            = words(`收购|并购|买下`)
	zhFund           = words(`基金`)
	zhFundClose      = regexp.MustCompile(`首关|首次关账|首次关闭|最终关账|最终关闭|终关|关账|完成募集|募集完成|完成.{0,30}募集|设立|成立|发起`)
	zhDebt           = words(`贷款|授信|借款|银团|可转债|债券|债权融资`)
	zhDebtVerb       = regexp.MustCompile(`获得了?|获|完成了?|发行了?|签署了?|取得了?|提供了?`)
	zhLendTo         = regexp.MustCompile(`向(.{2,60}?)提供`)
)

// zhClause is one clause of a Chinese sentence, in byte offsets of the text.
type zhClause struct {
	Span
	kind pulse.DealKind
	at   Span // the words that say the kind
}

func zhDeals(text string, sp Span, all []money.Match, year int, full bool) []cjkFound {
	cls := cjkClauses(text, sp)
	for i := range cls {
		zhKind(text, &cls[i])
	}
	var out []cjkFound
	var subject zhSubject // the last name a clause of this sentence was about
	dateFrom := sp.Start
	for i := range cls {
		cl := &cls[i]
		if cl.kind == "" {
			if n, alias, ok := zhHead(text, cl.Span); ok {
				subject = zhSubject{n, nil}
				if alias != "" {
					subject.aliases = []string{alias}
				}
			}
			continue
		}
		f, ok := zhDeal(text, cl, subject)
		if !ok {
			continue
		}
		c := f.c
		c.sent = sp
		if !f.pronoun {
			subject = zhSubject{c.company, c.aliases}
		}
		if full {
			// What the deal's clause does not say, the clauses after it
			// may: "…完成B轮融资，金额为5000万元，由X领投，Y跟投".
			rest := Span{cl.Start, sp.End}
			for j := i + 1; j < len(cls); j++ {
				if cls[j].kind != "" {
					rest.End = cls[j].Start
					break
				}
			}
			if c.money == nil {
				c.money = cjkAmount(text, rest, all)
			}
			if c.round == "undisclosed" {
				if r, at := cjkRoundIn(text, rest); r != "" {
					c.round, c.roundAt = r, at
				}
			}
			cjkParties(text, rest, c, false)
			// The date of a deal opens its clause or the ones before it,
			// back to the previous deal: "11月3日，X宣布完成…".
			c.announced, c.dateAt = cjkDate(text, Span{dateFrom, cl.at.Start}, year)
		}
		dateFrom = cl.End
		out = append(out, f)
	}
	return out
}

// cjkClauses splits the sentence sp at commas, semicolons, colons and wide
// spaces outside brackets and quotes. A comma between digits stays.
func cjkClauses(text string, sp Span) []zhClause {
	var out []zhClause
	depth, start := 0, sp.Start
	for i := sp.Start; i < sp.End; {
		r, w := utf8.DecodeRuneInString(text[i:sp.End])
		switch {
		case strings.ContainsRune("（(「『“《【", r):
			depth++
		case strings.ContainsRune("）)」』”》】", r):
			if depth > 0 {
				depth--
			}
		case depth == 0 && strings.ContainsRune("，,；;：:！？!?。　", r):
			if (r == ',' || r == ':') && i > sp.Start && i+1 < sp.End && isDigit(text[i-1]) && isDigit(text[i+1]) {
				break
			}
			if i > start {
				out = append(out, zhClause{Span: Span{start, i}})
			}
			start = i + w
		}
		i += w
	}
	if start < sp.End {
		out = append(out, zhClause{Span: Span{start, sp.End}})
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// zhKind decides whether a clause reports a deal, which kind and where the
// words saying so are.
func zhKind(text string, cl *zhClause) {
	s := text[cl.Start:cl.End]
	if zhNot.in(s) || zhAggregate.in(s) || zhThisRound.MatchString(zhTrimLead(s)) {
		return
	}
	set := func(k pulse.DealKind, loc []int) {
		cl.kind, cl.at = k, Span{cl.Start + loc[0], cl.Start + loc[1]}
	}
	if loc := zhOther.first(s); loc != nil {
		set(pulse.KindOther, loc)
		return
	}
	if loc := zhIPO.first(s); loc != nil && zhIPODone.in(s) {
		set(pulse.KindIPO, loc)
		return
	}
	if loc := zhAcq.first(s); loc != nil {
		set(pulse.KindAcquisition, loc)
		return
	}
	if loc := zhFund.first(s); loc != nil && zhFundClose.MatchString(s[loc[1]:]) && !zhFundNoun.in(s[loc[1]:]) {
		set(pulse.KindFund, loc)
		return
	}
	if loc := zhDebt.first(s); loc != nil && !strings.Contains(s, "轮") {
		if v := zhDebtVerb.FindStringIndex(s); v != nil && v[0] < loc[0] {
			set(pulse.KindDebt, v)
			return
		}
	}
	if m := zhInvestMatch(s); m != nil {
		set(pulse.KindFundingRound, m)
		return
	}
	for _, v := range zhFundVerb.FindAllStringIndex(s, -1) {
		if s[v[0]:v[1]] == "获" {
			if r, _ := utf8.DecodeRuneInString(s[v[1]:]); strings.ContainsRune("悉批奖评选颁准利益", r) {
				continue
			}
		}
		if zhMoneyNoun(s[v[1]:]) {
			set(pulse.KindFundingRound, v)
			return
		}
	}
	if loc := zhBacked.FindStringIndex(s); loc != nil && loc[0] > 0 {
		set(pulse.KindFundingRound, loc)
		return
	}
	if loc := zhStrategic.FindStringIndex(s); loc != nil && loc[0] > 0 && loc[1] < len(s) {
		set(pulse.KindFundingRound, loc)
	}
}

// zhMoneyNoun reports whether s names money raised: "融资", "投资", not
// "投资者" or "投资机构".
func zhMoneyNoun(s string) bool {
	for _, w := range zhFundNoun {
		for i := 0; ; {
			k := strings.Index(s[i:], w)
			if k < 0 {
				break
			}
			i += k + len(w)
			if next, _ := utf8.DecodeRuneInString(s[i:]); !strings.ContainsRune("者人机方圈界热回收", next) {
				return true
			}
		}
	}
	return false
}

// zhInvestMatch finds "对Y进行投资" or "向Y注资", not "面向" or "针对".
func zhInvestMatch(s string) []int {
	for _, m := range zhInvestIn.FindAllStringSubmatchIndex(s, -1) {
		if prev, _ := utf8.DecodeLastRuneInString(s[:m[0]]); !strings.ContainsRune("面针相方", prev) {
			return m
		}
	}
	return nil
}

// zhSubject is a name an earlier clause of a sentence was about, for a
// clause without one.
type zhSubject struct {
	n       name
	aliases []string
}

// zhDeal reads the parties of a deal clause.
func zhDeal(text string, cl *zhClause, subject zhSubject) (cjkFound, bool) {
	c := &cand{kind: cl.kind, kindAt: cl.at}
	if c.kind == pulse.KindFundingRound {
		c.round = "undisclosed"
	}
	before := Span{cl.Start, cl.at.Start}
	f := cjkFound{c: c}
	who := func(sp Span) {
		switch {
		case f.takeName(zhName(text, sp)):
		case subject.n.text != "":
			c.company = subject.n
			c.aliases = append(c.aliases, subject.aliases...)
		default:
			f.pronoun = true // "，并于2023年完成A轮融资": the text's company
		}
	}
	s := text[cl.Start:cl.End]
	switch c.kind {
	case pulse.KindAcquisition:
		return zhAcquisition(text, cl, subject)
	case pulse.KindFundingRound:
		if m := zhInvestMatch(s); m != nil && cl.at.Start == cl.Start+m[0] {
			// "X对Y进行战略投资": Y raises, X invests.
			n, _, _, ok := zhName(text, Span{cl.Start + m[2], cl.Start + m[3]})
			if !ok {
				return f, false
			}
			c.company = n
			if inv, ok := zhInvestor(text, Span{cl.Start, cl.Start + m[0]}); ok {
				c.investors = append(c.investors, inv)
			}
			if strings.Contains(s[m[0]:m[1]], "战略") {
				c.round = "strategic"
			}
			break
		}
		if zhBacked.MatchString(text[cl.at.Start:cl.at.End]) {
			// "X领投了Y的B轮融资": Y raises, X invests.
			n, _, _, ok := zhName(text, zhNameAfter(text, Span{cl.at.End, cl.End}))
			if !ok {
				return f, false
			}
			c.company = n
			if inv, ok := zhInvestor(text, before); ok {
				c.investors = append(c.investors, inv)
				if strings.Contains(text[cl.at.Start:cl.at.End], "领投") {
					c.leads = append(c.leads, inv)
				}
			}
			break
		}
		if strings.HasPrefix(text[cl.at.Start:cl.at.End], "战略投资") {
			// "X战略投资Y"
			n, _, _, ok := zhName(text, zhNameAfter(text, Span{cl.at.End, cl.End}))
			if !ok {
				return f, false
			}
			c.company, c.round = n, "strategic"
			if inv, ok := zhInvestor(text, before); ok {
				c.investors = append(c.investors, inv)
			}
			break
		}
		who(before)
		zhGiver(text, Span{cl.at.End, cl.End}, c)
		if loc := zhStrategicRound.FindStringIndex(s); loc != nil {
			c.round, c.roundAt = "strategic", Span{cl.Start + loc[0], cl.Start + loc[1]}
		}
	case pulse.KindDebt:
		if m := zhLendTo.FindStringSubmatchIndex(s); m != nil {
			// "X向Y提供30亿元贷款": Y borrows from X.
			n, _, _, ok := zhName(text, Span{cl.Start + m[2], cl.Start + m[3]})
			if !ok {
				return f, false
			}
			c.company = n
			if inv, ok := zhInvestor(text, Span{cl.Start, cl.Start + m[0]}); ok {
				c.investors = append(c.investors, inv)
			}
			break
		}
		who(before)
		zhGiver(text, Span{cl.at.End, cl.End}, c)
	default:
		who(before)
	}
	if c.company.text == "" && !f.pronoun {
		return f, false
	}
	if c.round == "undisclosed" {
		if r, at := cjkRoundIn(text, cl.Span); r != "" {
			c.round, c.roundAt = r, at
		}
	}
	return f, true
}

// zhAcquisition reads "S收购T", "S完成对T的收购" and "T被S收购". A stake
// below half is a minority investment.
func zhAcquisition(text string, cl *zhClause, subject zhSubject) (cjkFound, bool) {
	c := &cand{kind: pulse.KindAcquisition, kindAt: cl.at}
	f := cjkFound{c: c}
	s := text[cl.Start:cl.End]
	at := cl.at.Start - cl.Start
	var target, buyer Span
	switch pre := s[:at]; {
	case strings.Contains(pre, "被"):
		k := strings.Index(pre, "被")
		target, buyer = Span{cl.Start, cl.Start + k}, Span{cl.Start + k + len("被"), cl.at.Start}
	case strings.HasSuffix(pre, "的") && strings.Contains(pre, "对"):
		k := strings.LastIndex(pre, "对")
		target, buyer = Span{cl.Start + k + len("对"), cl.at.Start - len("的")}, Span{cl.Start, cl.Start + k}
	default:
		buyer, target = Span{cl.Start, cl.at.Start}, zhNameAfter(text, Span{cl.at.End, cl.End})
	}
	if !f.takeName(zhName(text, target)) {
		return f, false
	}
	if b, _, bPronoun, ok := zhName(text, buyer); ok {
		c.investors = append(c.investors, b)
	} else if bPronoun || buyer.End-buyer.Start == 0 {
		if subject.n.text != "" {
			c.investors = append(c.investors, name{text: subject.n.text})
		}
	}
	if m := zhStake.FindStringSubmatchIndex(s); m != nil {
		if v, err := strconv.ParseFloat(s[m[2]:m[3]], 64); err == nil && v > 0 && v <= 100 {
			c.stake, c.stakeAt = v, Span{cl.Start + m[0], cl.Start + m[1]}
			if v < 50 {
				c.kind = pulse.KindInvestment
			}
		}
	}
	return f, true
}

var zhStake = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*[%％](?:的)?(?:股权|股份|权益)`)

// zhNameAfter is the stretch after a verb that names its object: up to
// "的", a stake, an amount or the end of the clause.
func zhNameAfter(text string, sp Span) Span {
	s := text[sp.Start:sp.End]
	s = strings.TrimPrefix(s, "了")
	off := sp.End - sp.Start - len(s)
	end := len(s)
	if loc := zhObjectEnd.FindStringIndex(s); loc != nil {
		end = loc[0]
	}
	return Span{sp.Start + off, sp.Start + off + end}
}

var zhObjectEnd = regexp.MustCompile(`的|股权|股份|全部|部分|百分之|\d|约|旗下|业务|资产|后|，|。`)

// zhHead is the name a clause without a deal opens with ("曦光科技成立于
// 2021年", "曦光科技宣布"), for the clauses after it.
func zhHead(text string, sp Span) (name, string, bool) {
	s := text[sp.Start:sp.End]
	loc := zhHeadEnd.first(unbracketed(s))
	if loc == nil {
		return name{}, "", false
	}
	n, alias, pronoun, ok := zhName(text, Span{sp.Start, sp.Start + loc[0]})
	return n, alias, ok && !pronoun
}

// unbracketed is s with what brackets and quotes hold blanked out, byte for
// byte, so that a word inside them ("（以下简称…）") is not found.
func unbracketed(s string) string {
	b := []byte(s)
	depth := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case strings.ContainsRune("（(「『“《【", r):
			depth++
		case strings.ContainsRune("）)」』”》】", r):
			depth = max(depth-1, 0)
		case depth > 0:
			for k := i; k < i+w; k++ {
				b[k] = ' '
			}
		}
		i += w
	}
	return string(b)
}

var zhHeadEnd = words(`宣布|表示|称|成立于|成立|创立于|是一家|为一家|总部|位于|专注|致力`)

// zhGiver finds who gave the money in "获得X(的)(金额)(战略)投资/贷款".
func zhGiver(text string, sp Span, c *cand) {
	if !strings.HasPrefix(text[c.kindAt.Start:c.kindAt.End], "获") && !strings.HasPrefix(text[c.kindAt.Start:c.kindAt.End], "宣布获") {
		return // "完成5000万元融资" names no giver
	}
	s := text[sp.Start:sp.End]
	loc := zhGiverEnd.FindStringIndex(s)
	if loc == nil || loc[0] == 0 {
		return
	}
	if n, ok := zhInvestor(text, Span{sp.Start, sp.Start + loc[0]}); ok && !hasName(c.investors, n) {
		c.investors = append(c.investors, n)
	}
}

var zhGiverEnd = regexp.MustCompile(`联合领投|领投|跟投|参投|的|提供|\d|数|近|超|逾|约|亿|万|千|百|总额|金额|新一轮|战略|独家|天使|种子|Pre|[A-H]\+*轮|轮|融资|投资|注资|增资|贷款|授信|借款|由|，|。`)

// zhInvestor is one investor named in sp, or none.
func zhInvestor(text string, sp Span) (name, bool) {
	parts := zhList(text, sp)
	if len(parts) != 1 {
		return name{}, false
	}
	return parts[0], true
}

var (
	zhDescriptor = regexp.MustCompile(`(?:公司|企业|车企|药企|创企|研发商|开发商|制造商|供应商|服务商|提供商|运营商|厂商|零售商|设计商|方案商|集成商|平台|品牌|独角兽|初创|新创|新锐|机构|的)`)
	zhTrailing   = words(`近日|日前|今日|今天|昨日|昨天|近期|目前|刚刚|正式|宣布|已经|已|再次|再度|又|成功|顺利|也|亦|曾经|曾|将|于|在|本周|上周|本月|上月|今年|去年|前年|年初|年底|年末|年中|上半年|下半年|月初|月底|月末|中旬|上旬|下旬|此前|之前|还|首次|一举|则|均|官宣|对外|共同|联合`)
	zhLeading    = regexp.MustCompile(`^(?:近日|日前|今日|今天|昨日|昨天|此前|之前|目前|同时|另外|此外|其中|据悉|据了解|消息|继|\d{4}年\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{4}年|\d{1,2}月\d{1,2}日|\s)`)
	zhPrep       = regexp.MustCompile(`在|于|以|被|从|通过|凭借|获|完成|宣布|发行|签署|取得|募集`)
	zhPronouns   = map[string]bool{"公司": true, "该公司": true, "本公司": true, "这家公司": true, "其": true, "该企业": true, "它": true, "该平台": true, "该初创公司": true, "企业": true, "后者": true, "同社": true, "当社": true}
	zhUnnamed    = regexp.MustCompile(`^(?:一家|一个|某|多家|数家|几家|两家|三家|旗下)`)
	zhNotName    = words(`融资|投资|资金|市场|规模|行业|领域|报告|事件|轮|记者|消息|创始人|团队|亿|万元|美元|人民币`)
)

// zhName cuts the company name out of the words before a verb: "光子芯片研发商
// 曦光科技（Xiguang Technology）近日" is 曦光科技 with alias Xiguang Technology.
func zhName(text string, sp Span) (n name, alias string, pronoun, ok bool) {
	a, b := sp.Start, sp.End
	trim := func() {
		for changed := true; changed && a < b; {
			changed = false
			if n := max(zhTrailing.suffix(text[a:b]), dateSuffix(text[a:b]), spaceSuffix(text[a:b])); n > 0 {
				b -= n
				changed = true
			}
			if loc := zhLeading.FindStringIndex(text[a:b]); loc != nil && loc[1] > 0 && loc[1] < b-a {
				a += loc[1]
				changed = true
			}
			if pa, in, ok := trailingParen(text, a, b); ok {
				if in = strings.TrimSpace(in); isLatinName(in) {
					alias = in
				} else if short := cjkShortName(in); short != "" {
					alias = short
				}
				b = pa
				changed = true
			}
		}
	}
	trim()
	if a >= b {
		return name{}, "", false, false
	}
	if qa, qb, ok := lastQuoted(text, a, b); ok {
		a, b = qa, qb
	} else {
		if zhPronouns[text[a:b]] {
			return name{}, "", true, false
		}
		a = cutAfterLast(text, a, b, zhDescriptor)
		if loc := zhPrep.FindAllStringIndex(text[a:b], -1); loc != nil {
			for _, l := range loc {
				if utf8.RuneCountInString(text[a:a+l[0]]) >= 2 {
					b = a + l[0]
					break
				}
			}
		}
		trim()
	}
	s := text[a:b]
	if zhPronouns[s] {
		return name{}, "", true, false
	}
	if !plausibleName(s) || zhNotName.in(s) || zhUnnamed.MatchString(s) {
		return name{}, "", false, false
	}
	return name{text: s, start: a, end: b}, alias, false, true
}

// dateSuffix is the length of a date part s ends with: "2023年", "3月",
// "15日", "2024年度", "6月份", "5号".
func dateSuffix(s string) int {
	for _, unit := range []string{"年度", "月份", "年", "月", "日", "号"} {
		if !strings.HasSuffix(s, unit) {
			continue
		}
		d := len(s) - len(unit)
		for d > 0 && isDigit(s[d-1]) {
			d--
		}
		if d < len(s)-len(unit) {
			return len(s) - d
		}
	}
	return 0
}

func spaceSuffix(s string) int {
	r, w := utf8.DecodeLastRuneInString(s)
	if w > 0 && unicode.IsSpace(r) {
		return w
	}
	return 0
}

// trailingParen finds the bracket that closes text[a:b]: where it opens
// and what it holds.
func trailingParen(text string, a, b int) (int, string, bool) {
	s := text[a:b]
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasSuffix(s, p[1]) {
			continue
		}
		depth := 0
		for i := len(s); i > 0; {
			r, w := utf8.DecodeLastRuneInString(s[:i])
			i -= w
			switch string(r) {
			case p[1]:
				depth++
			case p[0]:
				if depth--; depth == 0 {
					if i == 0 {
						return 0, "", false
					}
					return a + i, s[i+len(p[0]) : len(s)-len(p[1])], true
				}
			}
		}
	}
	return 0, "", false
}

var cjkShortRe = regexp.MustCompile(`(?:简称|以下)[：:]?\s?[「“"『]([^」”"』]{2,30})[」”"』]`)

// cjkShortName is the short name a bracket gives the company: "（以下简称
// “智元机器人”）", "（以下「当社」）" gives none, that being a pronoun.
func cjkShortName(in string) string {
	m := cjkShortRe.FindStringSubmatch(in)
	if m == nil || zhPronouns[m[1]] || jaPronouns[m[1]] {
		return ""
	}
	return m[1]
}

// lastQuoted is the content of the quote that ends text[a:b], if any.
func lastQuoted(text string, a, b int) (int, int, bool) {
	s := text[a:b]
	for _, q := range [][2]string{{"「", "」"}, {"“", "”"}, {"『", "』"}, {"\"", "\""}} {
		if !strings.HasSuffix(s, q[1]) {
			continue
		}
		k := strings.LastIndex(s[:len(s)-len(q[1])], q[0])
		if k < 0 {
			continue
		}
		qa, qb := a+k+len(q[0]), b-len(q[1])
		if qa < qb {
			return qa, qb, true
		}
	}
	return 0, 0, false
}

// cutAfterLast moves a past the last match of re in text[a:b] that leaves
// at least two characters of name.
func cutAfterLast(text string, a, b int, re *regexp.Regexp) int {
	locs := re.FindAllStringIndex(text[a:b], -1)
	for i := len(locs) - 1; i >= 0; i-- {
		if utf8.RuneCountInString(text[a+locs[i][1]:b]) >= 2 {
			return a + locs[i][1]
		}
	}
	return a
}

func isLatinName(s string) bool {
	if s == "" || strings.ContainsAny(s, ":：") {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case r < 0x80 && (unicode.IsLetter(r)):
			letters++
		case r < 0x80:
		default:
			return false
		}
	}
	return letters >= 2
}

// plausibleName rejects what is left when no name was found: too short or
// long, a bare number or date, a list.
func plausibleName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 30 || strings.ContainsAny(s, "、，,。；：「」“”") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsDigit(r) || unicode.IsPunct(r) {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// ---- Japanese ----

var (
	// jaNot marks a sentence that reports no done deal.
	jaNot = words(`予定|計画|検討|協議|交渉|目指|見込み|方針|模索|意向|予測|申請|承認|準備|含まれ|を含む|累計|合計|これまでに|市場規模|売上高`)
	// jaThisRound opens a sentence about the round just reported.
	jaThisRound = regexp.MustCompile(`^(?:今回|本ラウンド|同ラウンド|調達資金|調達した資金|資金は|本資金)`)

	jaAllot       = words(`第三者割当`)
	jaRoundCue    = words(`ラウンド|シリーズ|シード|エンジェル`)
	jaIPO         = regexp.MustCompile(`新規上場|上場(?:し|した|を果たし|して)`)
	jaIPOMoney    = words(`公募|売り出し|売出し|調達|新規上場|IPO`)
	jaFollowOn    = words(`公募増資|公募による`)
	jaAcq         = words(`買収|子会社化|全株式を取得`)
	jaFund        = words(`ファンド`)
	jaFundDone    = words(`組成|設立|ファーストクローズ|ファイナルクローズ|クローズ|募集を完了`)
	jaDebt        = words(`融資|借入れ|借り入れ|借入|社債|コミットメントライン|デットファイナンス|ローン`)
	jaEquity      = words(`増資|出資|ラウンド|シリーズ|シード|エンジェル|株式|第三者割当|エクイティ`)
	jaFunding     = regexp.MustCompile(`資金調達|調達|増資|出資`)
	jaNoFunds     = regexp.MustCompile(`^(?:資金|額|先|コスト|方法|目的)`)
	jaPronouns    = map[string]bool{"同社": true, "当社": true, "同グループ": true, "弊社": true, "同行": true}
	jaLegal       = regexp.MustCompile(`^(?:株式会社|合同会社|有限会社|（株）|\(株\)|㈱)|(?:株式会社|合同会社|有限会社|（株）|\(株\)|㈱)$`)
	jaLegalAfter  = regexp.MustCompile(`^(?:株式会社|合同会社|有限会社|（株）|\(株\)|㈱)`)
	jaLegalBefore = regexp.MustCompile(`(?:株式会社|合同会社|有限会社|（株）|\(株\)|㈱)$`)
	jaCountry     = regexp.MustCompile(`^[米英独仏中韓豪印加伊露台蘭瑞]`)
)

// jaDeal reads a Japanese sentence: its kind, its topic as the company (or
// the buyer), the amount, round, investors and date.
func jaDeal(text string, sp Span, all []money.Match, year int, full bool) (cjkFound, bool) {
	s := text[sp.Start:sp.End]
	if jaThisRound.MatchString(s) {
		return cjkFound{}, false
	}
	kind, loc := jaKind(s)
	if loc == nil {
		return cjkFound{}, false
	}
	// Plans and totals are told up to the verb's clause: "…を目指す",
	// "…について協議", "累計…を調達"; what the money is for may follow.
	end := len(s)
	if k := strings.IndexAny(s[loc[1]:], "、。"); k >= 0 {
		end = loc[1] + k
	}
	if jaNot.in(s[:end]) {
		return cjkFound{}, false
	}
	c := &cand{kind: kind, kindAt: Span{sp.Start + loc[0], sp.Start + loc[1]}, sent: sp}
	f := cjkFound{c: c}
	topic, topicEnd := jaTopic(s, loc[0])
	set := func(a, b int) bool { return f.takeName(jaName(text, sp.Start+a, sp.Start+b)) }
	switch kind {
	case pulse.KindAcquisition:
		if k := strings.LastIndex(s[:loc[0]], "に"); strings.HasPrefix(s[loc[1]:], "さ") && k > topicEnd {
			// "YはXに買収された"
			if !set(topic.Start, topic.End) {
				return f, false
			}
			if ns := jaBefore(text, sp.Start+topicEnd, sp.Start+k); len(ns) > 0 {
				c.investors = append(c.investors, ns[len(ns)-1])
			}
			break
		}
		obj := strings.LastIndex(s[:loc[0]], "を")
		if strings.HasSuffix(s[:loc[0]], "の") {
			obj = loc[0] - len("の")
		}
		if obj < 0 || obj <= topicEnd {
			return f, false
		}
		a := topicEnd
		if k := strings.LastIndex(s[a:obj], "、"); k >= 0 {
			a += k + len("、")
		}
		if k := jaSharesOf.FindStringIndex(s[a:obj]); k != nil {
			obj = a + k[0] // "Yの株式51%を取得"
		}
		if !set(a, obj) {
			return f, false
		}
		if topic.End > topic.Start {
			if n, _, pronoun, ok := jaName(text, sp.Start+topic.Start, sp.Start+topic.End); ok {
				c.investors = append(c.investors, n)
			} else if pronoun && full {
				if m, _ := cjkMain(text, sp.Start); m.text != "" {
					c.investors = append(c.investors, name{text: m.text})
				}
			}
		}
		if m := jaStake.FindStringSubmatchIndex(s); m != nil {
			if v, err := strconv.ParseFloat(s[m[2]:m[3]], 64); err == nil && v > 0 && v <= 100 {
				c.stake, c.stakeAt = v, Span{sp.Start + m[0], sp.Start + m[1]}
				if v < 50 {
					c.kind = pulse.KindInvestment
				}
			}
		}
	default:
		if topic.End <= topic.Start || !set(topic.Start, topic.End) {
			return f, false
		}
		if jaGives(s, loc) {
			// "XはYに出資した", "XはYに対し融資を実行": Y receives, X gives.
			if k := jaRecipient.FindAllStringIndex(s[:loc[0]], -1); len(k) > 0 && k[len(k)-1][0] > topicEnd {
				k := k[len(k)-1][0]
				if !f.pronoun {
					c.investors = append(c.investors, c.company)
				} else if full {
					if m, _ := cjkMain(text, sp.Start); m.text != "" {
						c.investors = append(c.investors, name{text: m.text})
					}
				}
				f.pronoun, c.company, c.aliases = false, name{}, nil
				a := topicEnd
				if j := strings.LastIndex(s[a:k], "、"); j >= 0 {
					a += j + len("、")
				}
				if !set(a, k) || f.pronoun {
					return f, false
				}
			}
		}
	}
	if c.kind == pulse.KindFundingRound {
		c.round = "undisclosed"
	}
	if full {
		if r, at := cjkRoundIn(text, sp); r != "" && c.round != "" {
			c.round, c.roundAt = r, at
		}
		c.money = cjkAmount(text, sp, all)
		cjkParties(text, sp, c, true)
		c.announced, c.dateAt = cjkDate(text, Span{sp.Start, c.kindAt.Start}, year)
	}
	return f, true
}

var jaRecipient = regexp.MustCompile(`に対し(?:て)?|に`)

// jaGives reports whether the topic gives the money the verb at loc names:
// "出資した", "融資を実行した", not "出資を受けた".
func jaGives(s string, loc []int) bool {
	verb, rest := s[loc[0]:loc[1]], s[loc[1]:]
	if strings.HasPrefix(rest, "を受け") || strings.HasPrefix(rest, "が決定") {
		return false
	}
	return verb == "出資" || verb == "融資" && (strings.Contains(rest, "実行") || strings.HasPrefix(rest, "し"))
}

var jaShareBuy = regexp.MustCompile(`株式(?:の)?(?:約)?(?:\d+(?:\.\d+)?[%％])?を取得`)

var jaSharesOf = regexp.MustCompile(`の(?:発行済み?)?(?:全)?株式`)

var jaStake = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*[%％](?:の株式|を取得|を保有|の持分)`)

// jaKind is the kind of deal a Japanese sentence reports and where it says so.
func jaKind(s string) (pulse.DealKind, []int) {
	if loc := jaAllot.first(s); loc != nil {
		if jaRoundCue.in(s) && !strings.Contains(s, "上場") {
			return pulse.KindFundingRound, loc // a startup's round, done by allotment
		}
		return pulse.KindOther, loc
	}
	if loc := jaIPO.FindStringIndex(s); loc != nil && jaIPOMoney.in(s) {
		return pulse.KindIPO, loc
	}
	if loc := jaFollowOn.first(s); loc != nil {
		return pulse.KindOther, loc
	}
	if loc := jaAcq.first(s); loc != nil {
		return pulse.KindAcquisition, loc
	}
	if loc := jaShareBuy.FindStringIndex(s); loc != nil {
		return pulse.KindAcquisition, loc // a stake; below half, an investment
	}
	if loc := jaFund.first(s); loc != nil && jaFundDone.in(s[loc[1]:]) {
		return pulse.KindFund, loc
	}
	var funding []int
	for _, loc := range jaFunding.FindAllStringIndex(s, -1) {
		if !jaNoFunds.MatchString(s[loc[1]:]) {
			funding = loc
			break
		}
	}
	if loc := jaDebt.first(s); loc != nil && !jaEquity.in(s) {
		return pulse.KindDebt, loc
	}
	if funding != nil {
		return pulse.KindFundingRound, funding
	}
	return "", nil
}

// jaTopic is the stretch of s naming what the sentence is about: before
// its topic "は", else its subject "が", else (a headline) its first "、",
// each before the verb at.
func jaTopic(s string, at int) (Span, int) {
	for _, p := range []string{"は", "が", "、", "　", " "} {
		for i := 0; i < at; {
			k := strings.Index(s[i:at], p)
			if k < 0 {
				break
			}
			k += i
			prev, _ := utf8.DecodeLastRuneInString(s[:k])
			if k > 0 && !isHiragana(prev) {
				return Span{0, k}, k + len(p)
			}
			i = k + len(p)
		}
	}
	return Span{}, 0
}

// jaName cuts the company out of a Japanese topic: "液浸冷却システムを開発する
// サーモリンク株式会社（東京都港区）" is サーモリンク, alias サーモリンク株式会社.
func jaName(text string, a, b int) (n name, alias string, pronoun, ok bool) {
	var latin string
	for {
		for a < b {
			r, w := utf8.DecodeLastRuneInString(text[a:b])
			if !unicode.IsSpace(r) && r != '、' {
				break
			}
			b -= w
		}
		pa, in, ok := trailingParen(text, a, b)
		if !ok {
			break
		}
		if in = strings.TrimSpace(in); isLatinName(in) {
			latin = in
		} else if short := cjkShortName(in); short != "" {
			latin = short
		}
		b = pa
	}
	if k := strings.LastIndex(text[a:b], "、"); k >= 0 {
		a += k + len("、")
	}
	if qa, qb, ok := lastQuoted(text, a, b); ok {
		a, b = qa, qb
	} else {
		// A descriptor clause ends in "…する", "…した" or "…の" right
		// before the name.
		for i := b; i > a; {
			r, w := utf8.DecodeLastRuneInString(text[a:i])
			i -= w
			if i+w < b && (r == 'の' || r == 'る' || r == 'た') {
				next, _ := utf8.DecodeRuneInString(text[i+w:])
				if !isHiragana(next) && utf8.RuneCountInString(text[i+w:b]) >= 2 {
					a = i + w
					break
				}
			}
		}
	}
	s := text[a:b]
	if jaPronouns[s] {
		return name{}, "", true, false
	}
	core := jaLegal.ReplaceAllString(s, "")
	if core != s && utf8.RuneCountInString(core) >= 2 {
		alias = s
		if strings.HasSuffix(s, core) {
			a = b - len(core)
		} else {
			b = a + len(core)
		}
	}
	if loc := jaCountry.FindStringIndex(text[a:b]); loc != nil {
		if next, _ := utf8.DecodeRuneInString(text[a+loc[1]:]); next < 0x80 && unicode.IsLetter(next) || isKanaLetter(next) && !isHiragana(next) {
			a += loc[1]
		}
	}
	s = text[a:b]
	if jaPronouns[s] {
		return name{}, "", true, false
	}
	if !plausibleName(s) || jaNotName.MatchString(s) || strings.ContainsAny(s, "はをにがで") {
		return name{}, "", false, false
	}
	if alias == "" {
		alias = latin
	}
	return name{text: s, start: a, end: b}, alias, false, true
}

var jaNotName = regexp.MustCompile(`資金|調達|市場|投資家|株主|ラウンド|金融機関|年|月|日`)

// jaParty is one named party in text[a:b], cleaned like a topic but
// keeping a legal form as written ("ソフトバンク株式会社").
func jaParty(text string, a, b int) (name, bool) {
	n, _, _, ok := jaName(text, a, b)
	if !ok {
		return name{}, false
	}
	if loc := jaLegalAfter.FindStringIndex(text[n.end:b]); loc != nil {
		n.end += loc[1]
	}
	if loc := jaLegalBefore.FindStringIndex(text[a:n.start]); loc != nil {
		n.start = a + loc[0]
	}
	n.text = text[n.start:n.end]
	return n, true
}

// ---- both languages ----

var cjkRoundRe = regexp.MustCompile(`(天使\+?|种子|Pre-?[A-HＡ-Ｈ]\d?\+*|[A-HＡ-Ｈ]\d?\+*|Pre-IPO|战略)轮|(プレ)?シリーズ\s?([A-HＡ-Ｈ])|(プレシード|シード|エンジェル|ブリッジ)`)

// cjkRoundIn is the funding stage sp states, if any.
func cjkRoundIn(text string, sp Span) (pulse.Round, Span) {
	s := text[sp.Start:sp.End]
	for _, m := range cjkRoundRe.FindAllStringSubmatchIndex(s, -1) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		if m[2] >= 0 && m[2] > 0 && !strings.HasPrefix(g(1), "Pre") {
			if prev, _ := utf8.DecodeLastRuneInString(s[:m[2]]); prev < 0x80 && unicode.IsLetter(prev) {
				continue // part of a longer Latin word
			}
		}
		at := Span{sp.Start + m[0], sp.Start + m[1]}
		stage := strings.TrimRight(g(1), "+0123456789")
		letter := func(x string) string {
			r, _ := utf8.DecodeLastRuneInString(x)
			if r >= 'Ａ' && r <= 'Ｈ' {
				r = 'A' + (r - 'Ａ')
			}
			return strings.ToLower(string(r))
		}
		switch {
		case stage == "天使" || g(4) == "エンジェル":
			return "angel", at
		case stage == "种子" || g(4) == "シード":
			return "seed", at
		case g(4) == "プレシード":
			return "pre_seed", at
		case g(4) == "ブリッジ":
			return "bridge", at
		case stage == "战略":
			return "strategic", at
		case stage == "Pre-IPO":
			return "undisclosed", at
		case strings.HasPrefix(stage, "Pre"):
			return pulse.Round("pre_series_" + letter(stage)), at
		case stage != "":
			return pulse.Round("series_" + letter(stage)), at
		case g(3) != "" && g(2) != "":
			return pulse.Round("pre_series_" + letter(g(3))), at
		case g(3) != "":
			return pulse.Round("series_" + letter(g(3))), at
		}
	}
	return "", Span{}
}

// cjkNotAmount marks an amount that sizes something other than the deal:
// a valuation, revenue, a market.
var cjkNotAmount = regexp.MustCompile(`(?:估值|估值为|估值达|估值超|市值|营收|收入|营业额|利润|净利|売上高|売上|利益|評価額|時価総額|規模|资产|資産)(?:为|达|约|超过|超|近|は|が|約|の)?$`)

// cjkAmount is the first amount in sp that sizes the deal. A price per
// share is told before its figure ("每股25元", "1株あたり500円"), where
// money.Find does not look.
func cjkAmount(text string, sp Span, all []money.Match) *money.Match {
	for i := range all {
		m := &all[i]
		if m.Start < sp.Start || m.End > sp.End || m.PerUnit {
			continue
		}
		pre := strings.ToValidUTF8(text[max(sp.Start, m.Start-24):m.Start], "")
		if cjkNotAmount.MatchString(pre) || cjkPerShare.MatchString(pre) {
			continue
		}
		post := text[m.End:min(sp.End, m.End+12)]
		if strings.HasPrefix(post, "估值") || strings.HasPrefix(post, "的估值") || strings.HasPrefix(post, "の評価") {
			continue
		}
		found := *m
		return &found
	}
	return nil
}

var cjkPerShare = regexp.MustCompile(`(?:每股|每|株あたり|株当たり|1株|一株)\s?$`)

var cjkDateRe = regexp.MustCompile(`(?:(\d{4})\s?[年년]\s?)?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]`)

// cjkDate is the first full date in sp; a month and day without a year take
// year when it is not 0.
func cjkDate(text string, sp Span, year int) (time.Time, Span) {
	if sp.End <= sp.Start {
		return time.Time{}, Span{}
	}
	s := text[sp.Start:sp.End]
	for _, m := range cjkDateRe.FindAllStringSubmatchIndex(s, -1) {
		y := year
		if m[2] >= 0 {
			y, _ = strconv.Atoi(s[m[2]:m[3]])
		}
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		if y == 0 || mo < 1 || mo > 12 || d < 1 || d > 31 {
			continue
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			continue
		}
		return t, Span{sp.Start + m[0], sp.Start + m[1]}
	}
	return time.Time{}, Span{}
}

// cjkLeads adds to c the investors, leads and stake a later sentence names
// ("本轮融资由X领投，Y跟投", "リード投資家はXで、Yが参加した",
// "発行後のXの議決権比率は約12％"). The deal's own sentence was read with it.
func cjkLeads(text string, sp Span, c *cand) {
	if c.kindAt.Start >= sp.Start && c.kindAt.End <= sp.End {
		return
	}
	switch {
	case korean(text[sp.Start:sp.End]):
		koParties(text, sp, c)
		if c.money == nil {
			c.money = koStated(text, sp)
		}
	case japanese(text, sp):
		cjkParties(text, sp, c, true)
	default:
		read, traditional := zhSimplify(text, sp)
		cjkParties(read, sp, c, false)
		if traditional {
			asWritten(text, c)
		}
	}
	if c.stake == 0 && c.kind != pulse.KindFundingRound {
		s := text[sp.Start:sp.End]
		if m := cjkHolding.FindStringSubmatchIndex(s); m != nil {
			if v, err := strconv.ParseFloat(s[m[2]:m[3]], 64); err == nil && v > 0 && v <= 100 {
				c.stake, c.stakeAt = v, Span{sp.Start + m[0], sp.Start + m[1]}
			}
		}
	}
}

var cjkHolding = regexp.MustCompile(`(?:議決権|持株|持分|持股|股权|出资)(?:比率|比例|割合)?(?:は|为|达|将达到|将为|となる)?(?:約|约)?\s*(\d+(?:\.\d+)?)\s*[%％]`)

var (
	zhLead   = regexp.MustCompile(`由(.{1,80}?)(?:联合|共同)?领投`)
	zhLeadBy = regexp.MustCompile(`(?:联合|共同)?领投`)
	zhJoin   = regexp.MustCompile(`跟投|参投|继续加码|追加投资|持续加码|超额认购|继续追投|联合投资|共同投资|独家投资|参与了?(?:本轮|本次|此轮)?(?:融资|投资)?|均有参与|跟进`)
	zhByList = regexp.MustCompile(`(?:投资方|投资机构|参投方|投资人|出资方|资方)(?:为|是|包括|有)`)
	zhBy     = regexp.MustCompile(`由(.{1,80}?)(?:独家)?(?:投资|提供|认购)`)

	jaLeadIs  = regexp.MustCompile(`リード投資家は`)
	jaLeadBy  = regexp.MustCompile(`をリード投資家|がリード投資家|が主導|がリード(?:し|する|した)`)
	jaJoin    = regexp.MustCompile(`(?:など|等)?(?:が参加|が出資|を引受先|を割当先|を割当予定先|が引き受け|が引受)`)
	jaListIs  = regexp.MustCompile(`(?:引受先|割当先|投資家|出資者)は`)
	jaFrom    = regexp.MustCompile(`(?:など|等)?から(?:の)?`)
	jaListSep = regexp.MustCompile(`、|および|及び|と|や`)
	jaListEnd = regexp.MustCompile(`で、|で。|。|となり|となる|が|を|など|等|$`)
)

// addParties adds backers to c, and to its leads when lead is set; the
// company itself is never its own backer.
func addParties(c *cand, ns []name, lead bool) {
	for _, n := range ns {
		if pulse.NormalizeName(n.text) == pulse.NormalizeName(c.company.text) {
			continue
		}
		if !hasName(c.investors, n) {
			c.investors = append(c.investors, n)
		}
		if lead && !hasName(c.leads, n) {
			c.leads = append(c.leads, n)
		}
	}
}

// cjkParties adds the investors and leads named in sp to c.
func cjkParties(text string, sp Span, c *cand, ja bool) {
	add := func(ns []name, lead bool) { addParties(c, ns, lead) }
	s := text[sp.Start:sp.End]
	if !ja {
		for _, cl := range cjkClauses(text, sp) {
			t := text[cl.Start:cl.End]
			for _, m := range zhLead.FindAllStringSubmatchIndex(t, -1) {
				add(zhList(text, Span{cl.Start + m[2], cl.Start + m[3]}), true)
			}
			if !strings.Contains(t, "由") {
				for _, m := range zhLeadBy.FindAllStringIndex(t, -1) {
					add(zhList(text, zhBefore(text, Span{cl.Start, cl.Start + m[0]})), true)
				}
			}
			for _, m := range zhJoin.FindAllStringIndex(t, -1) {
				add(zhList(text, zhBefore(text, Span{cl.Start, cl.Start + m[0]})), false)
			}
			for _, m := range zhByList.FindAllStringIndex(t, -1) {
				add(zhList(text, Span{cl.Start + m[1], cl.End}), false)
			}
			if !zhLead.MatchString(t) {
				for _, m := range zhBy.FindAllStringSubmatchIndex(t, -1) {
					add(zhList(text, Span{cl.Start + m[2], cl.Start + m[3]}), false)
				}
			}
		}
		return
	}
	for _, m := range jaLeadIs.FindAllStringIndex(s, -1) {
		rest := s[m[1]:]
		end := jaListEnd.FindStringIndex(rest)
		add(jaList(text, sp.Start+m[1], sp.Start+m[1]+end[0]), true)
	}
	for _, m := range jaLeadBy.FindAllStringIndex(s, -1) {
		add(jaBefore(text, sp.Start, sp.Start+m[0]), true)
	}
	for _, m := range jaJoin.FindAllStringIndex(s, -1) {
		add(jaBefore(text, sp.Start, sp.Start+m[0]), false)
	}
	for _, m := range jaListIs.FindAllStringIndex(s, -1) {
		rest := s[m[1]:]
		end := jaListEnd.FindStringIndex(rest)
		add(jaList(text, sp.Start+m[1], sp.Start+m[1]+end[0]), false)
	}
	if c.kind == pulse.KindFundingRound || c.kind == pulse.KindDebt {
		for _, m := range jaFrom.FindAllStringIndex(s, -1) {
			if ns := jaBefore(text, sp.Start, sp.Start+m[0]); len(ns) > 0 && !strings.HasPrefix(s[m[1]:], "借入") {
				add(ns, false)
			}
		}
	}
}

// zhBefore is the stretch of a clause before a role word that names its
// investors, after any verb or "由" that opens it.
func zhBefore(text string, sp Span) Span {
	s := text[sp.Start:sp.End]
	a := 0
	for _, l := range zhFundVerb.FindAllStringIndex(s, -1) {
		if l[1] > a && l[1] < len(s) {
			a = l[1]
		}
	}
	if k := strings.LastIndex(s, "由"); k >= 0 && k+len("由") > a && k+len("由") < len(s) {
		a = k + len("由")
	}
	return Span{sp.Start + a, sp.End}
}

var (
	zhListSep   = regexp.MustCompile(`、|以及|及|和|与|,`)
	zhInvLead   = regexp.MustCompile(`^(?:知名天使投资人|天使投资人|投资人|老股东|现有股东|原有股东|原股东|新股东|股东|机构|投资方|以及|及|和|与|其中|本轮融资|本轮|本次|此轮|还有|包括|另有)`)
	zhInvTrail  = regexp.MustCompile(`(?:等多家机构|等机构|等投资方|等知名机构|等|联合|共同|继续|持续|超额|均|也|亦|则|分别|作为|担任|为|提供的?|\s)$`)
	zhNotInvest = regexp.MustCompile(`融资|资金|轮|本轮|投资方|机构|股东|公司$|^公司|亿|万`)
)

// zhList splits a list of Chinese investor names: "中金资本、联想创投和X".
func zhList(text string, sp Span) []name {
	var out []name
	s := text[sp.Start:sp.End]
	cuts := []int{0}
	for _, l := range zhListSep.FindAllStringIndex(s, -1) {
		sep := s[l[0]:l[1]]
		if sep != "、" && sep != "," && sep != "以及" {
			// "和", "及", "与" can begin a name ("和玉资本"): split
			// only between two names of two characters or more.
			if utf8.RuneCountInString(s[cuts[len(cuts)-1]:l[0]]) < 2 || utf8.RuneCountInString(s[l[1]:]) < 2 {
				continue
			}
		}
		cuts = append(cuts, l[0], l[1])
	}
	cuts = append(cuts, len(s))
	for i := 0; i+1 < len(cuts); i += 2 {
		a, b := sp.Start+cuts[i], sp.Start+cuts[i+1]
		for changed := true; changed && a < b; {
			changed = false
			if loc := zhInvLead.FindStringIndex(text[a:b]); loc != nil && loc[1] < b-a {
				a += loc[1]
				changed = true
			}
			if loc := zhInvTrail.FindStringIndex(text[a:b]); loc != nil && loc[0] > 0 {
				b = a + loc[0]
				changed = true
			}
		}
		if k := strings.Index(text[a:b], "等"); k > 0 && utf8.RuneCountInString(text[a+k:b]) <= 6 {
			b = a + k // "IDG资本等老股东"
		}
		t := text[a:b]
		if !plausibleName(t) || zhNotInvest.MatchString(t) || zhPronouns[t] {
			continue
		}
		out = append(out, name{text: t, start: a, end: b})
	}
	return out
}

var jaGeneric = regexp.MustCompile(`^(?:金融機関|投資家|既存株主|既存投資家|株主|複数|個人投資家|事業会社|ベンチャーキャピタル|VC|各社|ほか|その他)$`)

// jaBefore walks back from a role word over the list of names that ends
// there: "A、B、既存株主のCが参加" gives A, B and C; it stops at a clause
// ("リード投資家はXで、") or a particle.
func jaBefore(text string, start, end int) []name {
	s := text[start:end]
	var out []name
	b := len(s)
	for b > 0 {
		a := b
		stop := false
		for a > 0 {
			r, w := utf8.DecodeLastRuneInString(s[:a])
			if r == '、' || r == '，' || r == '。' {
				break
			}
			if isHiragana(r) && a-w > 0 {
				prev, _ := utf8.DecodeLastRuneInString(s[:a-w])
				if !isHiragana(prev) {
					if r == 'と' || r == 'や' {
						break
					}
					if strings.ContainsRune("はがをにでもへ", r) {
						stop = true
						break
					}
				}
			}
			a -= w
		}
		item := strings.TrimSpace(s[a:b])
		if k := strings.LastIndex(item, "の"); k >= 0 {
			item = item[k+len("の"):]
		}
		if k := strings.Index(item, "など"); k > 0 {
			item = item[:k] // "みずほ銀行など3行"
		}
		item = strings.TrimSuffix(item, "等")
		if jaNotParty(item) {
			break
		}
		if item != "" && !jaGeneric.MatchString(item) {
			st := start + a + strings.LastIndex(s[a:b], item)
			if n, ok := jaParty(text, st, st+len(item)); ok {
				out = append([]name{n}, out...)
			} else {
				break
			}
		}
		if stop || a == 0 {
			break
		}
		_, w := utf8.DecodeLastRuneInString(s[:a])
		b = a - w
	}
	return out
}

// jaNotParty is a verb phrase left where a list of names was looked for:
// all hiragana ("おいて") or ending like a verb.
func jaNotParty(s string) bool {
	if s == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("てしいくりれ", last) {
		return true
	}
	for _, r := range s {
		if !isHiragana(r) {
			return false
		}
	}
	return true
}

// jaList splits a list that follows its role word: "引受先はA、BおよびC".
func jaList(text string, a, b int) []name {
	var out []name
	s := text[a:b]
	for _, part := range jaListSep.Split(s, -1) {
		part = strings.TrimSpace(strings.TrimSuffix(part, "など"))
		if part == "" || jaGeneric.MatchString(part) {
			continue
		}
		st := a + strings.Index(s, part)
		if n, ok := jaParty(text, st, st+len(part)); ok {
			out = append(out, n)
		}
	}
	return out
}

// zhTrimLead drops the time words and "据悉" a clause may open with.
func zhTrimLead(s string) string {
	for {
		loc := zhLeading.FindStringIndex(s)
		if loc == nil || loc[1] == 0 {
			return s
		}
		s = s[loc[1]:]
	}
}

// ---- Korean ----
