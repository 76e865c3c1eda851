package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// months maps month names and abbreviations in the languages of the news
// read to their number.
var months = map[string]time.Month{}

func init() {
	for i, names := range []string{
		"january jan janvier januar enero janeiro jänner", "february feb février februar febrero fevereiro",
		"march mar mars märz marzo março", "april apr avril abril", "may mai mayo maio", "june jun juin juni junio junho",
		"july jul juillet juli julio julho", "august aug août agosto", "september sep sept septembre septiembre setembro",
		"october oct octobre oktober octubre outubro", "november nov novembre noviembre novembro",
		"december dec décembre dezember diciembre dezembro",
	} {
		for _, n := range strings.Fields(names) {
			months[n] = time.Month(i + 1)
		}
	}
}

// dateOf reads a full date written in the deal's sentence or as the dateline
// that opens it ("26. Mai 2021:", "March 25, 2021", "09 de Novembro, 2021").
// Relative dates ("on Monday") give none.
// dateOf reads a date in the sentence sp of text.
func dateOf(text string, sp Span, year int) (time.Time, Span) {
	return dateIn(tokenize(text, sp.Start, sp.End), year)
}

// dateIn reads a date in tokens; a day and month without a year take year
// (the publication's) when it is not 0.
func dateIn(toks []token, year int) (time.Time, Span) {
	for k := 0; k < len(toks); k++ {
		if m, ok := months[toks[k].lower]; ok {
			// Month D, YYYY; "Oct. 14, 2025"
			n := k + 1
			if n < len(toks) && toks[n].text == "." {
				n++
			}
			if n < len(toks) {
				if d, ok := day(toks[n].text); ok {
					y, yk := yearAfter(toks, n+1)
					if y > 0 {
						return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Span{toks[k].start, toks[yk].end}
					}
					if year > 0 && (n+1 >= len(toks) || toks[n+1].text == ":" || toks[n+1].text == ",") {
						return time.Date(year, m, d, 0, 0, 0, 0, time.UTC), Span{toks[k].start, toks[n].end}
					}
				}
			}
			// D Month YYYY, D. Month YYYY, D de Month de YYYY
			b := k - 1
			for b >= 0 && (toks[b].text == "." || toks[b].lower == "de") {
				b--
			}
			if b >= 0 {
				if d, ok := day(toks[b].text); ok {
					y, yk := yearAfter(toks, k+1)
					if y > 0 {
						return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Span{toks[b].start, toks[yk].end}
					}
				}
			}
		}
	}
	return time.Time{}, Span{}
}

// todayWords say the deal happened on the day the story is dated.
var todayWords = set(`today hoje heute aujourd'hui hoy oggi`)

// saysToday reports whether a sentence says "today".
func saysToday(s *sentence) bool {
	for _, t := range s.toks {
		if todayWords[t.lower] {
			return true
		}
	}
	return false
}

// dateline returns the first full date in the opening lines of a text.
func dateline(text string, year int) (time.Time, Span) {
	head := text[:min(len(text), 600)]
	for _, sp := range Sentences(head) {
		if t, at := dateOf(head, sp, year); !t.IsZero() {
			return t, at
		}
	}
	return time.Time{}, Span{}
}

func day(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "th"), "st"), "nd"), "rd")
	d, err := strconv.Atoi(s)
	return d, err == nil && d >= 1 && d <= 31
}

func yearAfter(toks []token, k int) (int, int) {
	for x := k; x < len(toks) && x < k+3; x++ {
		if toks[x].text == "," || toks[x].lower == "de" || toks[x].text == "." {
			continue
		}
		if len(toks[x].text) == 4 {
			if y, err := strconv.Atoi(toks[x].text); err == nil && y > 1900 && y < 2200 {
				return y, x
			}
		}
		return 0, 0
	}
	return 0, 0
}

// A dateline opens wire copy and press releases: "BOSTON, Nov. 4, 2025
// /PRNewswire/ --", "KUALA LUMPUR, Sept 30 (Reuters) -", "SAN
// FRANCISCO--(BUSINESS WIRE)--", "Ciudad de México, 21 de enero de 2026.-".
var (
	datelineSep  = regexp.MustCompile(`^[^\n]{2,160}?(?:\s?--\s?|\s[—–-]\s|\.-\s?)`)
	wireMarker   = regexp.MustCompile(`(?i)/\s*(?:PRNewswire|CNW|Business Wire|GLOBE NEWSWIRE|Newswire|PRWeb|EINPresswire|ACCESSWIRE|Newsfile)[^/]{0,20}/|\(\s*(?:Reuters|AP|AFP|Bloomberg|BUSINESS WIRE|GLOBE NEWSWIRE|Dow Jones|PRNewswire|dpa|IANS|PTI|Xinhua|Yonhap|Kyodo|ANI)\s*\)`)
	capsPlace    = regexp.MustCompile(`^\s*\p{Lu}{2,}[\p{Lu} .'’-]*(?:,|--)`)
	datelineDate = regexp.MustCompile(`(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)[a-zé]*\.?\s+\d|\b\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,}`)
)

// datelineEnd returns the offset where the dateline opening the sentence sp
// ends, or sp.Start when it has none.
func datelineEnd(text string, sp Span) int {
	at := sp.Start
	if at > 2000 {
		return at // datelines open a story
	}
	head := text[at:min(sp.End, at+170)]
	if !strings.Contains(head, "-") && !strings.Contains(head, "—") && !strings.Contains(head, "–") {
		return at
	}
	for range 3 {
		sent := text[at:sp.End]
		loc := datelineSep.FindStringIndex(sent)
		if loc == nil {
			break
		}
		pre := sent[:loc[1]]
		if len(strings.Fields(pre)) > 14 {
			break
		}
		if !wireMarker.MatchString(pre) && !capsPlace.MatchString(pre) && !(strings.Contains(pre, ",") && datelineDate.MatchString(pre)) {
			break
		}
		at += loc[1]
	}
	return at
}
