package article

import (
	"strings"
	"unicode"
)

// stopwords are frequent short words that tell the five languages the
// product's sources mostly use apart; words shared by several are left out.
var stopwords = map[string]map[string]bool{
	"en": set("the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "it", "by", "has", "its", "from", "which", "this", "have", "are", "will", "been", "said", "their"),
	"de": set("der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "auf", "für", "sich", "dem", "auch", "wird", "hat", "zu", "im", "bei", "nach", "wurde", "einen", "über"),
	"fr": set("le", "les", "et", "des", "est", "une", "du", "dans", "pour", "qui", "sur", "au", "avec", "pas", "sont", "aux", "cette", "ont", "été", "mais", "il", "elle", "ses", "leur"),
	"es": set("el", "los", "las", "y", "del", "que", "es", "por", "con", "una", "para", "al", "su", "como", "más", "pero", "fue", "sus", "ha", "este", "está", "sobre", "entre", "también"),
	"pt": set("o", "os", "as", "e", "do", "da", "dos", "das", "que", "em", "um", "uma", "para", "com", "não", "no", "na", "ao", "foi", "mais", "pelo", "pela", "são", "também"),
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// langSample is how many words Lang looks at; the start of an article is
// plenty to tell its language.
const langSample = 400

// Lang returns the primary language subtag of text ("en", "de", ...). A hint
// from <html lang> or the feed's <language> wins when it looks like a
// language tag; otherwise a stopword count decides among en, de, fr, es and
// pt, and "" is returned when the text is too short or unclear.
func Lang(text, hint string) string {
	if tag := primaryTag(hint); tag != "" {
		return tag
	}
	counts := map[string]int{}
	n := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if n++; n > langSample {
			break
		}
		w = strings.ToLower(w)
		for lang, words := range stopwords {
			if words[w] {
				counts[lang]++
			}
		}
	}
	best, second := "", 0
	for _, lang := range []string{"en", "de", "fr", "es", "pt"} {
		switch c := counts[lang]; {
		case best == "" || c > counts[best]:
			second = counts[best]
			best = lang
		case c > second:
			second = c
		}
	}
	// Demand a few hits and a clear lead: Spanish and Portuguese share many
	// words, and a headline alone proves little.
	if c := counts[best]; c < 3 || c < second*3/2 {
		return ""
	}
	return best
}

// primaryTag returns the lower-case primary subtag of a BCP 47 or POSIX
// locale ("en-US", "pt_BR", "zh-cn"), or "" if s does not look like one.
func primaryTag(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_.@;,"); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return ""
		}
	}
	return strings.ToLower(s)
}
