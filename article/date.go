package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are tried in order on a normalised date string (English month
// names, numeric zones, no weekday).
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102T150405Z0700",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006/01/02",
	"2006.01.02",
	"02.01.2006 15:04:05",
	"02.01.2006 15:04",
	"02.01.2006",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 Z07:00",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04 Z07:00",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700",
	"2 Jan 2006",
	"2 January 2006 15:04",
	"2 January 2006",
	"2. January 2006",
	"2. Jan 2006",
	"January 2, 2006 15:04:05 -0700",
	"January 2, 2006 15:04:05",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 3:04PM",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006 15:04:05 -0700",
	"Jan 2, 2006 15:04:05",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006 3:04PM",
	"Jan 2, 2006",
	"Jan 2 2006",
	"Jan 2 15:04:05 -0700 2006",
	"Jan 2 15:04:05 2006",
	"January 2006",
	"Jan 2006",
}

// usDate matches m/d/yyyy (or d/m/yyyy when the first number cannot be a
// month).
var usDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$`)

// zoneOffsets maps the time-zone abbreviations seen in feeds to offsets;
// Go's parser would otherwise accept them with a zero offset.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000", "WET": "+0000",
	"BST": "+0100", "CET": "+0100", "MET": "+0100", "WEST": "+0100", "CEST": "+0200", "MEST": "+0200",
	"EET": "+0200", "EEST": "+0300", "MSK": "+0300", "IST": "+0530", "SGT": "+0800", "HKT": "+0800",
	"CST": "-0600", "CDT": "-0500", "EST": "-0500", "EDT": "-0400", "MST": "-0700", "MDT": "-0600",
	"PST": "-0800", "PDT": "-0700", "AKST": "-0900", "AKDT": "-0800", "HST": "-1000",
	"JST": "+0900", "KST": "+0900", "AEST": "+1000", "AEDT": "+1100", "ACST": "+0930", "AWST": "+0800",
	"NZST": "+1200", "NZDT": "+1300", "BRT": "-0300", "ART": "-0300",
}

// monthNames maps month names and abbreviations of other languages (pt, es,
// fr, de, it, nl) to English; keys are lower-case.
var monthNames = map[string]string{
	"janeiro": "January", "fevereiro": "February", "março": "March", "marco": "March", "abril": "April",
	"maio": "May", "junho": "June", "julho": "July", "agosto": "August", "setembro": "September",
	"outubro": "October", "novembro": "November", "dezembro": "December",
	"enero": "January", "febrero": "February", "marzo": "March", "mayo": "May", "junio": "June",
	"julio": "July", "septiembre": "September", "setiembre": "September", "octubre": "October",
	"noviembre": "November", "diciembre": "December",
	"janvier": "January", "février": "February", "fevrier": "February", "mars": "March", "avril": "April",
	"mai": "May", "juin": "June", "juillet": "July", "août": "August", "aout": "August",
	"septembre": "September", "octobre": "October", "novembre": "November", "décembre": "December",
	"decembre": "December",
	"januar":   "January", "jänner": "January", "februar": "February", "märz": "March", "maerz": "March",
	"juni": "June", "juli": "July", "oktober": "October", "dezember": "December",
	"gennaio": "January", "febbraio": "February", "aprile": "April", "maggio": "May", "giugno": "June",
	"luglio": "July", "settembre": "September", "ottobre": "October", "dicembre": "December",
	"januari": "January", "februari": "February", "maart": "March", "mei": "May", "augustus": "August",
	// Abbreviations that differ from English.
	"fev": "Feb", "abr": "Apr", "ago": "Aug", "set": "Sep", "out": "Oct", "dez": "Dec",
	"ene": "Jan", "dic": "Dec", "janv": "Jan", "févr": "Feb", "fevr": "Feb", "avr": "Apr",
	"juil": "Jul", "sept": "Sep", "déc": "Dec", "okt": "Oct", "mär": "Mar", "mrz": "Mar",
	"gen": "Jan", "mag": "May", "giu": "Jun", "lug": "Jul", "ott": "Oct",
}

// weekdays are dropped: they add nothing and are often wrong or localised.
var weekdays = map[string]bool{
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true,
	"seg": true, "ter": true, "qua": true, "qui": true, "sex": true, "sáb": true, "sab": true, "dom": true,
	"lun": true, "mar": true, "mié": true, "mie": true, "jue": true, "vie": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"mo": true, "di": true, "mi": true, "do": true, "fr": true, "sa": true, "so": true,
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true,
	"samstag": true, "sonntag": true,
}

var (
	ordinal      = regexp.MustCompile(`\b(\d{1,2})(st|nd|rd|th)\b`)
	zoneAbbr     = regexp.MustCompile(`\b([A-Z]{1,5})\b`)
	gmtOffset    = regexp.MustCompile(`\b(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b`)
	parenZone    = regexp.MustCompile(`\s*\([^)]*\)\s*$`)
	wordBoundary = regexp.MustCompile(`[\p{L}]+\.?`)
)

// ParseDate parses an isolated date string in the many formats feeds and
// page metadata use: RFC 1123/822 with or without seconds and with named or
// odd zones, RFC 3339 and other ISO 8601 forms, "January 2, 2006",
// "2 Jan 2006", "2006/01/02", "02.01.2006", month names in Portuguese,
// Spanish, French, German, Italian and Dutch, and Unix seconds or
// milliseconds. A date without a zone is taken as UTC. It reports false for
// anything else and for years outside 1970–2100; never run it over prose.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return time.Time{}, false
	}
	if t, ok := unixDate(s); ok {
		return t, true
	}
	s = normaliseDate(s)
	if m := usDate.FindStringSubmatch(s); m != nil {
		return parseUSDate(m)
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return sane(t)
		}
	}
	return time.Time{}, false
}

func unixDate(s string) (time.Time, bool) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return time.Time{}, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	switch len(s) {
	case 8: // 20060102
		if t, err := time.Parse("20060102", s); err == nil {
			return sane(t)
		}
		return time.Time{}, false
	case 9, 10:
		return sane(time.Unix(n, 0).UTC())
	case 12, 13:
		return sane(time.UnixMilli(n).UTC())
	}
	return time.Time{}, false
}

// dropWeekday removes a leading weekday ("Mon, ", "Seg, ", "Monday ")
// when it is followed by a comma or is spelled out; a bare "Mar" may be March.
func dropWeekday(s string) string {
	word, rest, _ := strings.Cut(s, " ")
	w := strings.ToLower(strings.TrimSuffix(word, ","))
	w = strings.TrimSuffix(w, ".")
	if !weekdays[w] {
		return s
	}
	if strings.HasSuffix(word, ",") || len(w) > 4 || isEnglishMonthStart(rest) {
		return rest
	}
	return s
}

// isEnglishMonthStart reports whether s starts with an English month
// abbreviation, as after the weekday in "Mon Jan 2 15:04:05 2006".
func isEnglishMonthStart(s string) bool {
	if len(s) < 3 {
		return false
	}
	switch strings.ToLower(s[:3]) {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
		return true
	}
	return false
}

// normaliseDate rewrites s into a form the layouts cover.
func normaliseDate(s string) string {
	s = parenZone.ReplaceAllString(s, "") // "... +0000 (UTC)"
	s = strings.Join(strings.Fields(s), " ")
	s = ordinal.ReplaceAllString(s, "$1")
	s = gmtOffset.ReplaceAllStringFunc(s, func(m string) string {
		p := gmtOffset.FindStringSubmatch(m)
		h, mm := p[2], p[3]
		if len(h) == 1 {
			h = "0" + h
		}
		if mm == "" {
			mm = "00"
		}
		return p[1] + h + mm
	})
	s = dropWeekday(s)
	// Translate month names and drop filler words, word by word.
	s = wordBoundary.ReplaceAllStringFunc(s, func(w string) string {
		lw := strings.ToLower(w)
		if en, ok := monthNames[strings.TrimSuffix(lw, ".")]; ok {
			return en
		}
		switch lw {
		case "de", "del", "at", "um", "le":
			return "" // "24 de setembro de 2018", "Jan 2, 2006 at 3:04 PM"
		}
		if strings.HasSuffix(w, ".") && len(w) > 2 {
			return strings.TrimSuffix(w, ".") // "Jan." → "Jan"
		}
		return w
	})
	s = zoneAbbr.ReplaceAllStringFunc(s, func(z string) string {
		if off, ok := zoneOffsets[z]; ok {
			return off
		}
		return z
	})
	s = strings.Join(strings.Fields(s), " ")
	// "2006-01-02T15:04:05+00:00Z" and "...+0000Z" appear in the wild.
	if len(s) > 6 && strings.HasSuffix(s, "Z") && (s[len(s)-6] == '+' || s[len(s)-6] == '-' || s[len(s)-5] == '+' || s[len(s)-5] == '-') {
		s = strings.TrimSuffix(s, "Z")
	}
	return s
}

func parseUSDate(m []string) (time.Time, bool) {
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	month, day := a, b
	if a > 12 {
		month, day = b, a
	}
	var hh, mm, ss int
	if m[4] != "" {
		hh, _ = strconv.Atoi(m[4])
		mm, _ = strconv.Atoi(m[5])
		if m[6] != "" {
			ss, _ = strconv.Atoi(m[6])
		}
	}
	if month < 1 || month > 12 || day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(month), day, hh, mm, ss, 0, time.UTC)
	if t.Day() != day { // 31 June rolled over
		return time.Time{}, false
	}
	return sane(t)
}

func sane(t time.Time) (time.Time, bool) {
	if t.Year() < 1970 || t.Year() > 2100 {
		return time.Time{}, false
	}
	return t.UTC(), true
}
