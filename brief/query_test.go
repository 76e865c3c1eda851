package brief

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fundingpulse/pulse"
)

func TestParseKeywords(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"empty", "", "*"},
		{"blank", "   ", "*"},
		{"word", "Photonics", "photonics"},
		{"juxtaposition is AND", "optical interconnect", "(optical AND interconnect)"},
		{"phrase", `"data center"`, `"data center"`},
		{"hyphen is a phrase", "data-center", `"data center"`},
		{"prefix", "photon*", "photon*"},
		{"AND binds tighter than OR", "a OR b AND c", "(a OR (b AND c))"},
		{"juxtaposition binds like AND", "a OR b c", "(a OR (b AND c))"},
		{"parentheses", "(a OR b) c", "((a OR b) AND c)"},
		{"NOT", "AI NOT crypto", "(ai AND NOT crypto)"},
		{"NOT binds tightest", "NOT a OR b", "(NOT a OR b)"},
		{"double NOT", "NOT NOT a", "NOT NOT a"},
		{"lower-case operators are words", "rock and roll", "((rock AND and) AND roll)"},
		{"explicit AND", "a AND b", "(a AND b)"},
		{"left associative OR", "a OR b OR c", "((a OR b) OR c)"},
		{"nested", `((bitcoin OR "crypto mining") AND (AI OR HPC)) NOT sale`, `(((bitcoin OR "crypto mining") AND (ai OR hpc)) AND NOT sale)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := parseKeywords(tc.in)
			if err != nil {
				t.Fatalf("parseKeywords(%q): %v", tc.in, err)
			}
			if got := describe(n); got != tc.want {
				t.Errorf("parseKeywords(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseKeywordsErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, wantMsg string
	}{
		{"unterminated quote", `AI "data center`, "position 4"},
		{"dangling OR", "AI OR", "position 6"},
		{"leading AND", "AND AI", "position 1"},
		{"unclosed paren", "(AI OR HPC", "missing ) for ( at position 1"},
		{"stray paren", "AI)", `unexpected ")" at position 3`},
		{"empty parens", "()", "position 2"},
		{"only punctuation", "AI -- HPC", `"--" at position 4`},
		{"empty phrase", `""`, "position 1"},
		{"too deep", strings.Repeat("(", 100) + "a" + strings.Repeat(")", 100), "nested deeper"},
		{"too long", strings.Repeat("a ", 3000), "longer than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseKeywords(tc.in)
			if err == nil {
				t.Fatalf("parseKeywords(%q) succeeded", tc.in)
			}
			if pulse.ErrorCode(err) != pulse.EINVALID {
				t.Errorf("code %s, want %s", pulse.ErrorCode(err), pulse.EINVALID)
			}
			if !strings.Contains(pulse.ErrorMessage(err), tc.wantMsg) {
				t.Errorf("message %q lacks %q", pulse.ErrorMessage(err), tc.wantMsg)
			}
		})
	}
}

func TestKeywordMatching(t *testing.T) {
	text := "Ayar Labs raised $500 million for optical I/O; its data-center customers include Nvidia's partners. AI-ready."
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"optical", true},
		{"OPTICAL", true},
		{"optic", false}, // word boundaries
		{"optic*", true},
		{`"data center"`, true},
		{`"data centers"`, false},
		{`"data center*"`, true},
		{"nvidia*", true},
		{"nvidias", true},
		{`"Labs raised"`, true},
		{`"raised Labs"`, false},
		{"AI", true},
		{"ai NOT crypto", true},
		{"ai AND crypto", false},
		{"crypto OR photonics", false},
		{"(crypto OR optical) 500", true},
		{`"optical I/O"`, true},
		{"mill*", true},
		{"NOT ayar", false},
	} {
		m, err := Compile(pulse.PulseQuery{Keywords: tc.q})
		if err != nil {
			t.Fatalf("Compile(%q): %v", tc.q, err)
		}
		a := &pulse.Article{Title: "Optics", Text: text}
		if got := m.MatchArticle(a, nil); got != tc.want {
			t.Errorf("%q matched %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestPhraseDoesNotSpanFields(t *testing.T) {
	m, err := Compile(pulse.PulseQuery{Keywords: `"capital data"`})
	if err != nil {
		t.Fatal(err)
	}
	d := &pulse.Deal{Kind: pulse.KindFundingRound, Company: "Data Corp", Investors: []string{"North Capital"}}
	if m.MatchDeal(d, nil) {
		t.Error("a phrase matched across the investor and country fields")
	}
}

func TestMatcherFields(t *testing.T) {
	arts := fixtureArticleMap()
	deals := fixtureDeals(arts)
	byID := map[int64]*pulse.Deal{}
	for _, d := range deals {
		byID[d.ID] = d
	}
	for _, tc := range []struct {
		name string
		q    pulse.PulseQuery
		want []int64 // deal IDs
	}{
		{"everything", pulse.PulseQuery{}, []int64{1, 2, 3, 4, 5, 6, 7}},
		{"entity by alias form", pulse.PulseQuery{Entities: []string{"MARA Holdings Inc."}}, []int64{1}},
		{"entity as investor", pulse.PulseQuery{Entities: []string{"nvidia"}}, []int64{2}},
		{"sector", pulse.PulseQuery{Sectors: []string{"photonics", "memory"}}, []int64{2, 3}},
		{"region slug", pulse.PulseQuery{Regions: []string{"asia"}}, []int64{4, 7}},
		{"region label", pulse.PulseQuery{Regions: []string{"North America"}}, []int64{2, 6}},
		{"country", pulse.PulseQuery{Regions: []string{"india"}}, []int64{4}},
		{"kind", pulse.PulseQuery{Kinds: []pulse.DealKind{pulse.KindDebt, pulse.KindAcquisition}}, []int64{1, 7}},
		{"min amount", pulse.PulseQuery{MinAmountUSD: 1e9}, []int64{4, 5}},
		{"period", pulse.PulseQuery{From: day("2026-02-15"), To: day("2026-02-25")}, []int64{2, 6, 7}},
		{"keywords over evidence and article", pulse.PulseQuery{Keywords: "bitcoin"}, []int64{1, 7}},
		{"keywords and fields", pulse.PulseQuery{Keywords: `AI NOT "seed round"`, Regions: []string{"europe"}}, []int64{1, 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Compile(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var list []*pulse.Article
			for _, a := range arts {
				list = append(list, a)
			}
			pm := matchAll(m, list, deals, arts)
			sortIDs(pm.DealIDs)
			if !equalIDs(pm.DealIDs, tc.want) {
				t.Errorf("deals %v, want %v", pm.DealIDs, tc.want)
			}
		})
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMatchArticleNeedsADealForDealFilters(t *testing.T) {
	arts := fixtureArticleMap()
	deals := fixtureDeals(arts)
	m, err := Compile(pulse.PulseQuery{Sectors: []string{"data_centers"}, Entities: []string{"Exaion"}})
	if err != nil {
		t.Fatal(err)
	}
	if !m.MatchArticle(arts[1], deals[:1]) {
		t.Error("article 1 with its Exaion deal did not match")
	}
	if m.MatchArticle(arts[9], nil) {
		t.Error("article 9 reports no deal, yet matched a sector filter")
	}
	m, _ = Compile(pulse.PulseQuery{Entities: []string{"Exaion"}})
	if !m.MatchArticle(arts[9], nil) {
		t.Error("article 9 names Exaion but did not match the entity")
	}
}

func TestCompileErrors(t *testing.T) {
	for _, q := range []pulse.PulseQuery{
		{Keywords: "(a"},
		{Sectors: []string{"quantum"}},
		{Kinds: []pulse.DealKind{"loan"}},
		{MinAmountUSD: -1},
		{Regions: []string{" "}},
		{From: day("2026-03-01"), To: day("2026-02-01")},
	} {
		if _, err := Compile(q); pulse.ErrorCode(err) != pulse.EINVALID {
			t.Errorf("Compile(%+v) = %v, want EINVALID", q, err)
		}
	}
}

func FuzzParseKeywords(f *testing.F) {
	for _, s := range []string{"", "a", `"data center" OR photon*`, "(a OR b) NOT c", "((", `"`, "NOT", "a AND", "é ü 中文", "a)b(c", DefaultPulses()[0].Query.Keywords} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseKeywords(s)
		if err != nil {
			if pulse.ErrorCode(err) != pulse.EINVALID {
				t.Fatalf("parseKeywords(%q): non-EINVALID error %v", s, err)
			}
			return
		}
		if n != nil {
			n.eval(newDoc(s, "data center photonics"))
		}
		// The printed form parses to the same tree.
		again, err := parseKeywords(describe(n))
		if n != nil && err == nil && describe(again) != describe(n) {
			t.Fatalf("describe round trip: %s → %s", describe(n), describe(again))
		}
	})
}

// describe prints a parsed expression fully parenthesised; tests use it to
// check precedence.
func describe(n node) string {
	switch n := n.(type) {
	case nil:
		return "*"
	case andNode:
		return "(" + describe(n.l) + " AND " + describe(n.r) + ")"
	case orNode:
		return "(" + describe(n.l) + " OR " + describe(n.r) + ")"
	case notNode:
		return "NOT " + describe(n.x)
	case termNode:
		var parts []string
		for _, w := range n.words {
			s := w.w
			if w.prefix {
				s += "*"
			}
			parts = append(parts, s)
		}
		if len(parts) == 1 {
			return parts[0]
		}
		return fmt.Sprintf("%q", strings.Join(parts, " "))
	}
	return "?"
}
