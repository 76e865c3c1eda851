// Package money finds amounts of money and percentages in news prose: "$1.5bn",
// "US$ 1,8 mi", "€37M", "Rs 25 crore", "12,3 Millionen Euro", "40 million won",
// "5000万美元", "1億5000万円", "1조 2000억 원", with the alternative figure news
// often gives in brackets.
package money

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match is one amount of money found in a text.
type Match struct {
	Start, End int     // byte offsets of the whole expression
	Amount     float64 // in whole units of Currency
	Currency   string  // ISO 4217 code
	// Inherited is true when the expression named no currency and took the
	// one of the nearest preceding amount ("$90 million ... another 90 million").
	Inherited bool
	// PerUnit marks prices ("$2.40 per share", "€5 each"), never a deal size.
	PerUnit bool
	// Range marks the lower end of a range ("$60 billion to $70 billion").
	Range bool
	// Alt is the same amount given a second way in brackets: "$10m (£8m)".
	Alt *Match
}

// Percent is one percentage found in a text.
type Percent struct {
	Start, End int
	Value      float64
}

// prefixes are currency marks written before the number, longest first so
// "US$" wins over "$".
var prefixes = []struct{ mark, code string }{
	{"U.S.$", "USD"}, {"US $", "USD"}, {"US$", "USD"}, {"USD", "USD"}, {"$US", "USD"}, {"U$S", "USD"},
	{"AU$", "AUD"}, {"A$", "AUD"}, {"AUD", "AUD"}, {"CAD$", "CAD"}, {"CA$", "CAD"}, {"C$", "CAD"}, {"CAD", "CAD"},
	{"S$", "SGD"}, {"SGD", "SGD"}, {"NT$", "TWD"}, {"TWD", "TWD"}, {"HK$", "HKD"}, {"HKD", "HKD"}, {"NZ$", "NZD"}, {"NZD", "NZD"}, {"R$", "BRL"}, {"BRL", "BRL"},
	{"$", "USD"}, {"€", "EUR"}, {"EUR", "EUR"}, {"£", "GBP"}, {"GBP", "GBP"}, {"¥", "JPY"}, {"JPY", "JPY"}, {"￥", "JPY"},
	{"₹", "INR"}, {"Rs.", "INR"}, {"Rs", "INR"}, {"INR", "INR"}, {"CHF", "CHF"}, {"SFr.", "CHF"}, {"SEK", "SEK"}, {"NOK", "NOK"},
	{"DKK", "DKK"}, {"₩", "KRW"}, {"KRW", "KRW"}, {"RMB", "CNY"}, {"CNY", "CNY"}, {"₦", "NGN"}, {"NGN", "NGN"}, {"ZAR", "ZAR"},
	{"AED", "AED"}, {"SAR", "SAR"}, {"ILS", "ILS"}, {"₪", "ILS"}, {"MXN", "MXN"}, {"PLN", "PLN"}, {"TRY", "TRY"}, {"IDR", "IDR"},
	{"Rp", "IDR"}, {"KES", "KES"}, {"EGP", "EGP"}, {"BDT", "BDT"}, {"PKR", "PKR"}, {"VND", "VND"}, {"THB", "THB"}, {"MYR", "MYR"},
	{"RM", "MYR"}, {"PHP", "PHP"}, {"₱", "PHP"}, {"MX$", "MXN"}, {"₺", "TRY"}, {"₫", "VND"}, {"฿", "THB"}, {"CZK", "CZK"},
	{"NIS", "ILS"}, {"KSh", "KES"}, {"KWD", "KWD"}, {"QAR", "QAR"}, {"BHD", "BHD"}, {"OMR", "OMR"}, {"HUF", "HUF"}, {"RON", "RON"},
	{"COP", "COP"}, {"CLP", "CLP"}, {"PEN", "PEN"}, {"ARS", "ARS"}, {"UAH", "UAH"}, {"MAD", "MAD"}, {"GHS", "GHS"},
}

// codeSuffixes are the prefixes that may also follow the number: "5 million SEK".
var codeSuffixes = func() (out []struct{ mark, code string }) {
	for _, p := range prefixes {
		if len(p.mark) >= 3 && !strings.ContainsAny(p.mark, "$.") {
			out = append(out, p)
		}
	}
	return out
}()

// suffixCurrencies are currency words written after the number, matched
// case-insensitively on whole words, longest first.
var suffixCurrencies = []struct{ word, code string }{
	{"us-dollar", "USD"}, {"us dollars", "USD"}, {"u.s. dollars", "USD"}, {"de dólares", "USD"}, {"de dolares", "USD"},
	{"dollars", "USD"}, {"dollar", "USD"}, {"dólares", "USD"}, {"dolares", "USD"}, {"dollari", "USD"}, {"usd", "USD"},
	{"d'euros", "EUR"}, {"d’euros", "EUR"}, {"de euros", "EUR"}, {"euros", "EUR"}, {"euro", "EUR"}, {"eur", "EUR"},
	{"pounds sterling", "GBP"}, {"pounds", "GBP"}, {"sterling", "GBP"}, {"gbp", "GBP"},
	{"swiss francs", "CHF"}, {"francs", "CHF"}, {"franken", "CHF"}, {"chf", "CHF"},
	{"yen", "JPY"}, {"jpy", "JPY"}, {"yuan", "CNY"}, {"renminbi", "CNY"}, {"rmb", "CNY"}, {"cny", "CNY"},
	{"won", "KRW"}, {"krw", "KRW"}, {"rupees", "INR"}, {"rupee", "INR"}, {"inr", "INR"},
	{"kronor", "SEK"}, {"sek", "SEK"}, {"kroner", "NOK"}, {"nok", "NOK"}, {"dkk", "DKK"},
	{"reais", "BRL"}, {"brl", "BRL"}, {"naira", "NGN"}, {"rand", "ZAR"}, {"dirhams", "AED"}, {"riyals", "SAR"},
	{"shekels", "ILS"}, {"zloty", "PLN"}, {"złotych", "PLN"}, {"zł", "PLN"}, {"pesos", "MXN"}, {"sgd", "SGD"}, {"aud", "AUD"}, {"cad", "CAD"}, {"hkd", "HKD"},
}

// scales are magnitude words after the number, matched case-sensitively
// where case matters ("M" is million, "m" too; "B" billion) and whole-word.
var scales = []struct {
	word string
	mult float64
}{
	{"trillion", 1e12}, {"trillions", 1e12}, {"tn", 1e12}, {"trn", 1e12}, {"trilhão", 1e12}, {"trilhões", 1e12}, {"trillones", 1e12}, {"Billionen", 1e12},
	// Title-case "Billion" is a headline's billion: German "Billion"
	// (a trillion) almost never sizes a deal.
	{"Trillion", 1e12}, {"billion", 1e9}, {"billions", 1e9}, {"Billion", 1e9}, {"Billions", 1e9}, {"bn", 1e9}, {"bln", 1e9}, {"Bn", 1e9}, {"BN", 1e9}, {"b", 1e9}, {"B", 1e9},
	{"Milliarden", 1e9}, {"Milliarde", 1e9}, {"Mrd.", 1e9}, {"Mrd", 1e9}, {"milliards", 1e9}, {"milliard", 1e9},
	{"bilhões", 1e9}, {"bilhão", 1e9}, {"bi", 1e9}, {"mil millones", 1e9}, {"miliardi", 1e9},
	{"million", 1e6}, {"millions", 1e6}, {"mn", 1e6}, {"Mn", 1e6}, {"mln", 1e6}, {"m", 1e6}, {"M", 1e6}, {"MM", 1e6}, {"mm", 1e6},
	{"Millionen", 1e6}, {"Million", 1e6}, {"Mio.", 1e6}, {"Mio", 1e6}, {"millones", 1e6}, {"millón", 1e6}, {"milhões", 1e6},
	{"milhão", 1e6}, {"mi", 1e6}, {"mln.", 1e6}, {"milioni", 1e6}, {"milione", 1e6}, {"miljoen", 1e6}, {"miljard", 1e9},
	{"miljoner", 1e6}, {"miljarder", 1e9}, {"millones", 1e6}, {"milyon", 1e6}, {"milyar", 1e9},
	{"crore", 1e7}, {"crores", 1e7}, {"Cr", 1e7}, {"cr", 1e7}, {"Cr.", 1e7}, {"lakh", 1e5}, {"lakhs", 1e5}, {"lac", 1e5},
	{"thousand", 1e3}, {"k", 1e3}, {"K", 1e3}, {"mil", 1e3}, {"Tsd.", 1e3},
}

// cjkUnits are the Chinese, Japanese and Korean myriad magnitudes. Numbers
// group by four digits: 1億5000万 is 150,000,000, 1조 2000억 is 1.2 trillion.
var cjkUnits = []struct {
	mark string
	mult float64
}{
	{"万亿", 1e12}, {"萬億", 1e12}, {"萬亿", 1e12}, {"兆", 1e12}, {"조", 1e12},
	{"亿", 1e8}, {"億", 1e8}, {"억", 1e8}, {"万", 1e4}, {"萬", 1e4}, {"만", 1e4},
}

// cjkSmallUnits multiply within a group of four digits: 5千万 is 50 million,
// 2천억 is 200 billion, 500百万円 is 500 million yen.
var cjkSmallUnits = []struct {
	mark string
	mult float64
}{{"千", 1e3}, {"천", 1e3}, {"百", 1e2}, {"백", 1e2}}

// cjkCurrencies are written after the number or its CJK magnitude; where one
// mark begins another, the longer comes first.
var cjkCurrencies = []struct{ mark, code string }{
	{"元人民币", "CNY"}, {"元人民幣", "CNY"}, {"人民币", "CNY"}, {"人民幣", "CNY"}, {"人民元", "CNY"}, {"元", "CNY"},
	{"美元", "USD"}, {"美金", "USD"}, {"米ドル", "USD"}, {"ドル", "USD"},
	{"日元", "JPY"}, {"日圆", "JPY"}, {"日圓", "JPY"}, {"円", "JPY"},
	{"港元", "HKD"}, {"港币", "HKD"}, {"港幣", "HKD"}, {"香港ドル", "HKD"},
	{"新台币", "TWD"}, {"新台幣", "TWD"}, {"台币", "TWD"}, {"台幣", "TWD"}, {"台湾ドル", "TWD"},
	{"欧元", "EUR"}, {"歐元", "EUR"}, {"ユーロ", "EUR"}, {"英镑", "GBP"}, {"英鎊", "GBP"}, {"ポンド", "GBP"},
	{"韩元", "KRW"}, {"韓元", "KRW"}, {"ウォン", "KRW"}, {"澳元", "AUD"}, {"豪ドル", "AUD"}, {"加元", "CAD"},
	{"新加坡元", "SGD"}, {"シンガポールドル", "SGD"},
	{"원", "KRW"}, {" 원", "KRW"}, {"달러", "USD"}, {" 달러", "USD"}, {"유로", "EUR"}, {" 유로", "EUR"}, {"엔", "JPY"}, {"위안", "CNY"},
}

// cjkPrefixCurrencies name the currency before the number: "新台币5亿元" is
// in Taiwan dollars though it ends in 元.
var cjkPrefixCurrencies = []struct{ mark, code string }{
	{"人民币", "CNY"}, {"人民幣", "CNY"}, {"新台币", "TWD"}, {"新台幣", "TWD"}, {"台币", "TWD"}, {"台幣", "TWD"},
	{"港币", "HKD"}, {"港幣", "HKD"}, {"港元", "HKD"},
}

// perUnit words after an amount make it a unit price.
var perUnit = []string{"per share", "a share", "per ads", "per unit", "each", "per month", "a month", "per year", "a year", "per annum", "per hour", "an hour", "per person", "per employee", "per cent", "percent", "per kwh", "/share"}

// maxCurrencyGap bounds how far back a currency-less "90 million" may borrow
// the currency of an earlier amount.
const maxCurrencyGap = 400

// Find returns the money expressions in text in order of appearance. Amounts
// given in brackets after another ("$10m (£8m)") are returned as the first
// one's Alt, not separately.
func Find(text string) []Match {
	var out []Match
	var lastCur string
	lastEnd := -1 << 30
	for i := 0; i < len(text); {
		if !mayStart(text, i) {
			i++
			continue
		}
		floor := 0
		if n := len(out); n > 0 {
			floor = out[n-1].End
		}
		m, ok := matchAt(text, i, floor)
		if !ok {
			_, w := utf8.DecodeRuneInString(text[i:])
			i += w
			continue
		}
		if m.Currency == "" {
			if lastCur == "" || m.Start-lastEnd > maxCurrencyGap || !inheritable(text, m.End) {
				i = m.End
				continue
			}
			m.Currency, m.Inherited = lastCur, true
		}
		lastCur, lastEnd = m.Currency, m.End
		if n := len(out); n > 0 && isAltOf(text, out[n-1], m) {
			alt := m
			out[n-1].Alt = &alt
			out[n-1].End = closeParen(text, m.End)
			i = m.End
			continue
		}
		out = append(out, m)
		i = m.End
	}
	markRanges(text, out)
	return out
}

// startBytes are the bytes a money expression can begin with: digits, the
// first bytes of currency marks and of number words.
var startBytes = func() [256]bool {
	var t [256]bool
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, p := range prefixes {
		t[p.mark[0]] = true
	}
	for w := range NumberWords {
		t[w[0]] = true
		t[strings.ToUpper(w[:1])[0]] = true
	}
	return t
}()

// mayStart is a cheap filter before matchAt: a start byte at a word start.
func mayStart(text string, i int) bool {
	c := text[i]
	if !startBytes[c] {
		return false
	}
	if i > 0 {
		p := text[i-1]
		if p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' || p >= '0' && p <= '9' {
			return false
		}
	}
	return true
}

// inheritable reports whether a currency-less amount ends where a money
// phrase would ("another 90 million in shares"), not before a counted noun
// ("32.5 million shares", "128 milhões de pessoas").
func inheritable(text string, end int) bool {
	k := skipSpace(text, end)
	j := k
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += w
	}
	switch strings.ToLower(text[k:j]) {
	case "", "in", "into", "for", "to", "from", "at", "on", "no", "na", "em", "para", "en", "con", "und", "von", "im", "and", "or", "e", "y", "et":
		return true
	}
	return false
}

// isAltOf reports whether m is written in brackets (or after "or") right
// after prev: "$10m (£8m)", "C$22 million (or US$16.95 million)".
func isAltOf(text string, prev, m Match) bool {
	// No bracketed alternative is written more than a few words away; the
	// bound also spares lowering long gaps.
	if prev.Alt != nil || m.Start < prev.End || m.Start-prev.End > 64 {
		return false
	}
	gap := strings.ToLower(strings.TrimSpace(text[prev.End:m.Start]))
	bracket := strings.HasPrefix(gap, "(") || strings.HasPrefix(gap, "[") || strings.HasPrefix(gap, "（")
	gap = strings.TrimSpace(strings.TrimLeft(gap, "([（"))
	if gap == "or" || strings.HasPrefix(gap, "or ") || gap == "/" {
		bracket = true
		gap = strings.TrimSpace(strings.TrimPrefix(gap, "or"))
	}
	if !bracket {
		return false
	}
	for _, w := range []string{"/", "about", "approximately", "approx.", "around", "roughly", "~", "c.", "ca.", "some", "nearly", "almost", "over", "more than", "equivalent to", "umgerechnet", "environ", "cerca de", "aproximadamente", "soit", "约合", "折合", "相当于", "约", "約", "合"} {
		gap = strings.TrimSpace(strings.TrimPrefix(gap, w))
	}
	return gap == ""
}

// closeParen extends end over a closing bracket that follows it.
func closeParen(text string, end int) int {
	j := end
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j < len(text) && (text[j] == ')' || text[j] == ']') {
		return j + 1
	}
	if strings.HasPrefix(text[j:], "）") {
		return j + len("）")
	}
	return end
}

// markRanges flags "$10 to $12 million" style ranges and gives the lower
// end the scale of the upper one when it has none.
func markRanges(text string, ms []Match) {
	for k := 0; k+1 < len(ms); k++ {
		a, b := &ms[k], &ms[k+1]
		gap := strings.TrimSpace(text[a.End:b.Start])
		if len(gap) > 3 {
			continue // longer than any range word
		}
		switch strings.ToLower(gap) {
		case "-", "–", "—", "to", "and", "a", "bis", "à", "y", "e", "〜", "～", "至", "到":
		default:
			continue
		}
		if gap == "and" || gap == "e" || gap == "y" {
			before := strings.ToLower(text[max(0, a.Start-12):a.Start])
			if !strings.Contains(before, "between") && !strings.Contains(before, "entre") && !strings.Contains(before, "zwischen") {
				continue
			}
		}
		a.Range = true
		if a.Amount > 0 && a.Amount < b.Amount/500 && a.Currency == b.Currency {
			// "$10 to $12 million": the first figure shares the scale.
			for a.Amount*1000 <= b.Amount {
				a.Amount *= 1000
			}
		}
	}
}

// matchAt parses a money expression starting at byte i, if there is one. A
// currency named before the number in CJK ("人民币5亿元") is taken in, but
// never from before floor, the end of the previous match.
func matchAt(text string, i, floor int) (Match, bool) {
	start := i
	cur := ""
	if i > 0 {
		// CJK runs without spaces: "シリーズBで25億円" starts an amount
		// after the kana as "a 25bn" does after a space.
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if (unicode.IsLetter(r) && !isCJK(r)) || unicode.IsDigit(r) || r == '.' || r == ',' {
			return Match{}, false
		}
	}
	for _, p := range prefixes {
		if p.mark[0] == text[i] && strings.HasPrefix(text[i:], p.mark) {
			j := i + len(p.mark)
			if isLetterMark(p.mark) && j < len(text) {
				r, _ := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r) {
					continue
				}
			}
			j = skipSpace(text, j)
			if digitAt(text, j) {
				cur, i = p.code, j
				break
			}
		}
	}
	var val float64
	var j int
	if digitAt(text, i) {
		var ok bool
		if val, j, ok = readNumber(text, i); !ok {
			return Match{}, false
		}
	} else if v, n := numberWord(text, i); n > 0 && cur == "" {
		// "drei Millionen Euro", "two million dollars": only with a scale.
		k := skipSpace(text, i+n)
		big := false
		for _, s := range scales {
			if s.mult >= 1e6 && len(s.word) > 2 && hasWord(text, k, s.word, false) {
				big = true
				break
			}
		}
		if !big {
			return Match{}, false
		}
		val, j = v, i+n
	} else {
		return Match{}, false
	}
	end := j
	// Magnitude word: "1.5bn", "1.5 billion", "12,3 Millionen".
	k := skipSpace(text, j)
	if strings.HasPrefix(text[k:], "-") && cur != "" {
		k++ // "$275-million"
	}
	mult := 1.0
	for _, s := range scales {
		if hasWord(text, k, s.word, false) {
			mult = s.mult
			end = k + len(s.word)
			break
		}
	}
	cjk := false
	if mult == 1 {
		if v, m, e := cjkValue(text, val, j); e > j {
			val, mult, end, cjk = v, m, e, true
		}
	}
	if !cjk {
		val *= mult
	}
	// "1,8 mi" is only a million after a currency mark; on its own "mi" is a word.
	if mult == 1e6 && cur == "" && strings.HasPrefix(text[k:], "mi") && !strings.HasPrefix(text[k:], "mil") {
		return Match{}, false
	}
	if cur == "" {
		k := skipSpace(text, end)
		k = skipWord(text, k, "de ")
		k = skipWord(text, k, "di ")
		yuan := false
		for _, c := range cjkCurrencies {
			if strings.HasPrefix(text[end:], c.mark) {
				cur, end, yuan = c.code, end+len(c.mark), c.mark == "元"
				break
			}
		}
		if cur == "" || yuan {
			if code, p := cjkPrefixBefore(text, start, floor); p < start {
				cur, start = code, p
			}
		}
		if cur == "" {
			for _, c := range suffixCurrencies {
				if hasWord(text, k, c.word, true) {
					cur, end = c.code, k+len(c.word)
					break
				}
			}
		}
		if cur == "" {
			for _, p := range codeSuffixes {
				if hasWord(text, k, p.mark, false) {
					cur, end = p.code, k+len(p.mark)
					break
				}
			}
		}
		if cur == "" && (mult == 1 || mult == 1e3 && !hasWord(text, skipSpace(text, j), "thousand", false)) {
			return Match{}, false // a bare number is not money
		}
		if cur == "" && cjk {
			return Match{}, false // "2亿用户", "제5조": a CJK magnitude alone counts people or articles
		}
		if cur == "KRW" && mult == 1 {
			return Match{}, false // "3 won" is a verb more often than money
		}
	} else if cjk {
		// "RMB 5亿元", "US$5000万美元": the mark after repeats the one before.
		for _, c := range cjkCurrencies {
			if strings.HasPrefix(text[end:], c.mark) {
				if c.code == cur || c.mark == "元" {
					end += len(c.mark)
				}
				break
			}
		}
	}
	m := Match{Start: start, End: end, Amount: val, Currency: cur}
	rest := strings.ToLower(text[end:min(len(text), end+16)])
	rest = strings.TrimLeft(rest, " ")
	for _, w := range perUnit {
		if strings.HasPrefix(rest, w) {
			m.PerUnit = true
			break
		}
	}
	return m, true
}

// isCJK reports whether r is written in runs without spaces (Han, kana,
// Hangul), so that a number may touch it.
func isCJK(r rune) bool {
	return r >= 0x1100 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == 'ー' || r == '々')
}

// cjkValue reads the CJK magnitude after the number head at j: "億",
// "千万", "1億5000万", "2兆3000億", "1조 2000억", "1万5000円". It returns
// the amount, the multiplier of the head and the end; end is j when no
// magnitude follows.
func cjkValue(text string, head float64, j int) (float64, float64, int) {
	small, big, end := cjkScale(text, j)
	switch {
	case end == j:
		return head, 1, j
	case big == 0:
		return head * small, small, end // "5千元"
	}
	val, mult := head*small*big, small*big
	for last := big; ; {
		// Each later group counts a smaller myriad: 1億 5000万.
		k := skipSpace(text, end)
		if !digitAt(text, k) {
			break
		}
		n, e, ok := readNumber(text, k)
		if !ok {
			break
		}
		s, b, e2 := cjkScale(text, e)
		if b > 0 && b < last && n*s*b < last {
			val, last, end = val+n*s*b, b, e2
			continue
		}
		if e2 == e && k == end && n < last && cjkCurrencyAt(text, e) {
			val, end = val+n, e // "1万5000円"
		}
		break
	}
	return val, mult, end
}

// cjkScale reads "千", "万", "千万", "천억" at j: the multiplier within a
// group of four digits, the myriad (0 for none) and the end. A bare "百"
// is no magnitude.
func cjkScale(text string, j int) (small, big float64, end int) {
	small, end = 1, j
	for _, u := range cjkSmallUnits {
		if strings.HasPrefix(text[j:], u.mark) {
			small, end = u.mult, j+len(u.mark)
			break
		}
	}
	for _, u := range cjkUnits {
		if strings.HasPrefix(text[end:], u.mark) {
			return small, u.mult, end + len(u.mark)
		}
	}
	if small != 1e3 {
		return 1, 0, j
	}
	return small, 0, end
}

func cjkCurrencyAt(text string, k int) bool {
	for _, c := range cjkCurrencies {
		if strings.HasPrefix(text[k:], c.mark) {
			return true
		}
	}
	return false
}

// cjkPrefixBefore finds a currency named just before start ("人民币5亿元",
// "港币 3000万元"), not before floor, and returns its code and start; the
// start is start itself when there is none.
func cjkPrefixBefore(text string, start, floor int) (string, int) {
	k := start
	for k > floor && text[k-1] == ' ' {
		k--
	}
	for _, c := range cjkPrefixCurrencies {
		if k-len(c.mark) >= floor && strings.HasSuffix(text[:k], c.mark) {
			return c.code, k - len(c.mark)
		}
	}
	return "", start
}

func isLetterMark(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

// parseNumber reads "1,234.5", "1.234,5", "12,3", "5,91,61,730" or "900.000"
// at i and returns its value and end. A lone separator followed by exactly
// three digits is a thousands separator, otherwise a decimal mark.
func parseNumber(text string, i int) (float64, int, bool) {
	j := i
	var groups []string
	var seps []byte
	g := j
	for j < len(text) {
		c := text[j]
		if isDigit(c) {
			j++
			continue
		}
		if (c == ',' || c == '.' || c == '\'') && j+1 < len(text) && isDigit(text[j+1]) && j > g {
			groups = append(groups, text[g:j])
			seps = append(seps, c)
			j++
			g = j
			continue
		}
		break
	}
	groups = append(groups, text[g:j])
	if len(groups) > 6 || len(groups[0]) > 15 {
		return 0, j, false
	}
	dec := byte(0)
	switch {
	case len(seps) == 0:
	case len(seps) >= 2 && seps[len(seps)-1] != seps[0]:
		dec = seps[len(seps)-1]
	case len(seps) >= 2:
		dec = 0 // "1,000,000" or "5,91,61,730"
	default:
		last := groups[len(groups)-1]
		if len(last) != 3 {
			dec = seps[0]
		} else if seps[0] == '.' && followedByScale(text, j) {
			dec = '.' // "$1.500 billion" is rare; "1.500 billion" means 1.5
		}
	}
	var b strings.Builder
	for k, grp := range groups {
		if k > 0 && seps[k-1] == dec {
			b.WriteByte('.')
		}
		b.WriteString(grp)
	}
	v, ok := atof(b.String())
	return v, j, ok
}

func followedByScale(text string, j int) bool {
	k := skipSpace(text, j)
	for _, s := range scales {
		if s.mult >= 1e6 && hasWord(text, k, s.word, false) {
			return true
		}
	}
	return false
}

// atof parses digits with at most one '.', without strconv's exponent and
// special-value syntax.
func atof(s string) (float64, bool) {
	var v, frac float64
	div := 1.0
	seen := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			if seen {
				return 0, false
			}
			seen = true
		case isDigit(c):
			if seen {
				div *= 10
				frac = frac*10 + float64(c-'0')
			} else {
				v = v*10 + float64(c-'0')
			}
		default:
			return 0, false
		}
	}
	return v + frac/div, len(s) > 0
}

// hasWord reports whether text at k starts with w followed by a non-letter.
func hasWord(text string, k int, w string, fold bool) bool {
	if k+len(w) > len(text) {
		return false
	}
	got := text[k : k+len(w)]
	if fold {
		if !strings.EqualFold(got, w) {
			return false
		}
	} else if got != w {
		return false
	}
	if k+len(w) == len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[k+len(w):])
	if isCJK(r) {
		// "$5 millionを調達": CJK prose puts no space after a word, but
		// "B轮" is a Series B.
		return len(w) > 1 || r != '轮' && r != '輪' && r != 'ラ'
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !(r == '-' && !strings.HasSuffix(w, ".") && isLetterAfter(text, k+len(w)+1))
}

func isLetterAfter(text string, k int) bool {
	if k >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsLetter(r)
}

func skipSpace(text string, k int) int {
	for k < len(text) {
		if text[k] == ' ' || text[k] == '\t' {
			k++
			continue
		}
		if strings.HasPrefix(text[k:], "\u00a0") {
			k += len("\u00a0")
			continue
		}
		if strings.HasPrefix(text[k:], "\u202f") {
			k += len("\u202f")
			continue
		}
		break
	}
	return k
}

func skipWord(text string, k int, w string) int {
	if strings.HasPrefix(text[k:], w) {
		return k + len(w)
	}
	return k
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitAt reports whether a digit, ASCII or full-width ("２５億円"), starts at k.
func digitAt(text string, k int) bool {
	if k >= len(text) {
		return false
	}
	if isDigit(text[k]) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return r >= '０' && r <= '９'
}

// readNumber is parseNumber for numbers that may be written in full-width
// digits and separators ("２５", "１，０００", "１．５").
func readNumber(text string, i int) (float64, int, bool) {
	if isDigit(text[i]) {
		return parseNumber(text, i)
	}
	var b []byte
	var offs []int // byte offset in text of each byte of b
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		switch {
		case r >= '０' && r <= '９':
			r = '0' + r - '０'
		case r == '，':
			r = ','
		case r == '．':
			r = '.'
		case r < utf8.RuneSelf && (isDigit(byte(r)) || r == ',' || r == '.'):
		default:
			w = 0
		}
		if w == 0 {
			break
		}
		b = append(b, byte(r))
		offs = append(offs, j)
		j += w
	}
	offs = append(offs, j)
	v, e, ok := parseNumber(string(b), 0)
	return v, offs[e], ok
}

// percentWords follow a number to make it a percentage.
var percentWords = []string{"%", "％", " %", " per cent", " percent", "-percent", " pct", " Prozent", " por cento", " por ciento", " pour cent"}

// FindPercents returns the percentages in text ("64%", "26 per cent").
func FindPercents(text string) []Percent {
	var out []Percent
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || (i > 0 && (isDigit(text[i-1]) || text[i-1] == '.' || text[i-1] == ',')) {
			continue
		}
		j := i
		for j < len(text) && (isDigit(text[j]) || (text[j] == '.' || text[j] == ',') && j+1 < len(text) && isDigit(text[j+1])) {
			j++
		}
		for _, w := range percentWords {
			if strings.HasPrefix(text[j:], w) {
				v, ok := atof(strings.ReplaceAll(text[i:j], ",", "."))
				if ok && v <= 100 {
					out = append(out, Percent{Start: i, End: j + len(w), Value: v})
				}
				break
			}
		}
		i = j
	}
	return out
}

// NumberWords are the spelled-out numbers news writes before "million".
var NumberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
	"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"eleven": 11, "twelve": 12, "fifteen": 15, "zwanzig": 20, "dreißig": 30, "fünfzig": 50, "hundert": 100,
	"um": 1, "dois": 2, "três": 3, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10,
}

// numberWord reads a spelled-out number at i and returns its value and
// byte length.
func numberWord(text string, i int) (float64, int) {
	j := i
	for j < len(text) {
		r, w := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += w
	}
	if j == i || j-i > 8 {
		return 0, 0
	}
	v, ok := NumberWords[strings.ToLower(text[i:j])]
	if !ok {
		return 0, 0
	}
	return v, j - i
}
