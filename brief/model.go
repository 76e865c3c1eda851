package brief

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/llm"
)

const rewritePrompt = `You edit a news briefing about funding deals. Rewrite the lede and each bullet as clear, natural prose for a business reader.
Rules:
- Use only the facts in the input. Do not add any number, date, name, place or claim.
- Keep every figure of a bullet in that bullet, written exactly as given (for example "$1.5 billion", "64%").
- Keep the lede's citation markers such as [3] exactly as given; put no citation markers in bullets.
- One or two sentences per bullet.
Answer with a JSON object: {"lede": "...", "bullets": {"<id>": "...", ...}} using the ids of the input bullets.`

// rewriteIn is what the model is given.
type rewriteIn struct {
	Title   string            `json:"title"`
	Topic   string            `json:"topic"`
	Lede    string            `json:"lede"`
	Bullets map[string]string `json:"bullets"`
}

// rewriteOut is what the model must answer.
type rewriteOut struct {
	Lede    string            `json:"lede"`
	Bullets map[string]string `json:"bullets"`
}

// Rewrite asks the model to turn the deterministic lede and bullets into
// prose, and returns the rewritten briefing only if every number and proper
// name in the answer appears in the deterministic version (per bullet for
// bullets), every figure of a bullet is kept, and the lede keeps its
// citations. Otherwise, or when the model fails, it logs why and returns b
// unchanged. Citations, sources and Hash are never touched.
func Rewrite(ctx context.Context, model *llm.Client, b *pulse.Briefing, log *slog.Logger) *pulse.Briefing {
	in := rewriteIn{Title: b.Title, Topic: b.Topic, Lede: b.Lede, Bullets: map[string]string{}}
	for _, s := range b.Sections {
		for _, bl := range s.Bullets {
			in.Bullets[strconv.FormatInt(bl.DealID, 10)] = bl.Text
		}
	}
	if len(in.Bullets) == 0 {
		return b
	}
	raw, err := json.Marshal(in)
	if err != nil {
		log.Warn("briefing: model rewrite skipped", "reason", err.Error())
		return b
	}
	answer, err := model.Chat(ctx, []llm.Message{
		{Role: "system", Content: rewritePrompt},
		{Role: "user", Content: string(raw)},
	}, true)
	if err != nil {
		log.Warn("briefing: model rewrite failed, deterministic version used", "reason", err.Error())
		return b
	}
	out, err := verifyRewrite(in, answer)
	if err != nil {
		log.Warn("briefing: model rewrite rejected, deterministic version used", "reason", err.Error())
		return b
	}
	nb := *b
	nb.Lede = out.Lede
	nb.Sections = make([]pulse.BriefingSection, len(b.Sections))
	for i, s := range b.Sections {
		s.Bullets = slices.Clone(s.Bullets)
		for j := range s.Bullets {
			s.Bullets[j].Text = out.Bullets[strconv.FormatInt(s.Bullets[j].DealID, 10)]
		}
		nb.Sections[i] = s
	}
	nb.Latest = slices.Clone(b.Latest)
	for i := range nb.Latest {
		if t, ok := out.Bullets[strconv.FormatInt(nb.Latest[i].DealID, 10)]; ok {
			nb.Latest[i].Text = t
		}
	}
	log.Info("briefing: model-written version verified")
	return &nb
}

// verifyRewrite checks a model answer against the deterministic input and
// returns it with any bullet the model left out filled from the input.
func verifyRewrite(in rewriteIn, answer string) (rewriteOut, error) {
	var out rewriteOut
	if err := json.Unmarshal([]byte(answer), &out); err != nil {
		return out, fmt.Errorf("answer is not the requested JSON: %w", err)
	}
	if strings.TrimSpace(out.Lede) == "" {
		out.Lede = in.Lede
	}
	all := []string{in.Title, in.Topic, in.Lede}
	for _, t := range in.Bullets {
		all = append(all, t)
	}
	if err := checkText(out.Lede, in.Lede, strings.Join(all, "\n")); err != nil {
		return out, fmt.Errorf("lede: %w", err)
	}
	if want, got := cites(in.Lede), cites(out.Lede); !slices.Equal(want, got) {
		return out, fmt.Errorf("lede: citations %v became %v", want, got)
	}
	for id := range out.Bullets {
		if _, ok := in.Bullets[id]; !ok {
			return out, fmt.Errorf("bullet %s is not in the input", id)
		}
	}
	if out.Bullets == nil {
		out.Bullets = map[string]string{}
	}
	for id, want := range in.Bullets {
		got, ok := out.Bullets[id]
		if !ok || strings.TrimSpace(got) == "" {
			out.Bullets[id] = want
			continue
		}
		if len(cites(got)) > 0 {
			return out, fmt.Errorf("bullet %s: has citation markers", id)
		}
		if err := checkText(got, want, want); err != nil {
			return out, fmt.Errorf("bullet %s: %w", id, err)
		}
	}
	return out, nil
}

// checkText verifies rewritten text: its figures are exactly the set of the
// original's, and every proper name and number word is found in ref.
func checkText(got, orig, ref string) error {
	if len(got) > 3*len(orig)+400 {
		return fmt.Errorf("answer is %d bytes for %d of input", len(got), len(orig))
	}
	want, have := uniq(numbers(stripCites(orig))), uniq(numbers(stripCites(got)))
	for _, n := range have {
		if !slices.Contains(want, n) {
			return fmt.Errorf("figure %q is not in the sources' version", n)
		}
	}
	for _, n := range want {
		if !slices.Contains(have, n) {
			return fmt.Errorf("figure %q was dropped", n)
		}
	}
	refWords := map[string]bool{}
	for _, w := range rawWords(ref) {
		refWords[w.w] = true
		refWords[strings.ToLower(w.w)] = true
	}
	for _, w := range rawWords(got) {
		lw := strings.ToLower(w.w)
		switch {
		case numberWords[lw] && !refWords[lw]:
			return fmt.Errorf("number word %q is not in the sources' version", w.w)
		case !hasUpper(w.w) || refWords[w.w]:
		case w.start && (refWords[lw] || starters[lw]):
		default:
			return fmt.Errorf("name %q is not in the sources' version", w.w)
		}
	}
	return nil
}

// numberWords are figures written as words, which a model could slip in.
var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "twenty": true,
	"thirty": true, "forty": true, "fifty": true, "hundred": true, "thousand": true, "million": true,
	"billion": true, "trillion": true, "dozen": true, "dozens": true, "half": true, "double": true, "triple": true}

// starters are ordinary words that may open a sentence in capitals.
var starters = map[string]bool{"the": true, "in": true, "a": true, "an": true, "meanwhile": true, "also": true,
	"this": true, "it": true, "its": true, "separately": true, "elsewhere": true, "together": true, "both": true,
	"each": true, "on": true, "at": true, "with": true, "for": true, "by": true, "as": true, "over": true,
	"across": true, "among": true, "these": true, "and": true, "largest": true, "newest": true, "busiest": true}

// word is a word as written (case kept, possessive 's dropped) and whether
// it opens a sentence.
type word struct {
	w     string
	start bool
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '&' || r == '\'' || r == '’'
}

// rawWords splits text into words as written.
func rawWords(s string) []word {
	var out []word
	start := true
	var cur []rune
	flush := func() {
		w := strings.TrimSuffix(strings.TrimSuffix(string(cur), "'s"), "’s")
		w = strings.Trim(w, "-'’&")
		if w != "" {
			out = append(out, word{w, start})
			start = false
		}
		cur = cur[:0]
	}
	for _, r := range s {
		if isWordRune(r) {
			cur = append(cur, r)
			continue
		}
		flush()
		switch r {
		case '.', ':', ';', '!', '?', ']', '\n':
			start = true
		}
	}
	flush()
	return out
}

func hasUpper(w string) bool {
	return strings.IndexFunc(w, unicode.IsUpper) >= 0
}

// stripCites removes "[n]" markers, which are checked on their own.
func stripCites(s string) string {
	var b strings.Builder
	for _, p := range splitCites(s) {
		b.WriteString(p.Text)
	}
	return b.String()
}

// cites returns the "[n]" markers of a text, in order.
func cites(s string) []int {
	var out []int
	for _, p := range splitCites(s) {
		if p.N > 0 {
			out = append(out, p.N)
		}
	}
	return out
}

func uniq(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}
