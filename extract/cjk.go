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
		n, alias, pronoun, ok := zhName(text, sp)
		switch {
		case pronoun:
			f.pronoun = true
		case ok:
			c.company = n
			if alias != "" {
				c.aliases = append(c.aliases, alias)
			}
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
	n, alias, pronoun, ok := zhName(text, target)
	switch {
	case pronoun:
		f.pronoun = true
	case ok:
		c.company = n
		if alias != "" {
			c.aliases = append(c.aliases, alias)
		}
	default:
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
	set := func(a, b int) bool {
		n, alias, pronoun, ok := jaName(text, sp.Start+a, sp.Start+b)
		switch {
		case pronoun:
			f.pronoun = true
		case ok:
			c.company = n
			if alias != "" {
				c.aliases = append(c.aliases, alias)
			}
		default:
			return false
		}
		return true
	}
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
