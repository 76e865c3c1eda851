package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// loopbackURL matches the demo content server's address, whose port changes
// between runs.
var loopbackURL = regexp.MustCompile(`http://127\.0\.0\.1:\d+`)

// runCommand runs one command line with an empty environment.
func runCommand(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errOut, func(string) string { return "" })
	return code, out.String(), errOut.String()
}

func TestDemoBriefingGolden(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runCommand(t, "demo", "--no-serve", "--data", dir)
	if code != 0 {
		t.Fatalf("pulse demo --no-serve: exit %d\n%s\n%s", code, out, errOut)
	}
	checkDemoSummary(t, out)

	code, out, errOut = runCommand(t, "brief", "ai-funding-pulse", "--format", "md", "--data", dir)
	if code != 0 {
		t.Fatalf("pulse brief: exit %d\n%s", code, errOut)
	}
	got := loopbackURL.ReplaceAllString(out, "http://127.0.0.1:PORT")
	golden := filepath.Join("testdata", "demo-briefing.md")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestDemoBriefingGolden -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("the demo briefing differs from %s (go test -run TestDemoBriefingGolden -update rewrites it):\n%s", golden, lineDiff(string(want), got))
	}

	checkSeedMoves(t, got)
	checkCitations(t, got)
}

// summaryCount reads "Label: N word" from the demo's summary.
func summaryCount(t *testing.T, out, label, pattern string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + label + `:.*?` + pattern).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the summary has no %q line matching %q:\n%s", label, pattern, out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func checkDemoSummary(t *testing.T, out string) {
	t.Helper()
	if n := summaryCount(t, out, "In store", `(\d+) articles`); n < 40 {
		t.Errorf("the demo stored %d articles, want at least 40:\n%s", n, out)
	}
	if n := summaryCount(t, out, "In store", `near-duplicates in (\d+) groups?`); n < 1 {
		t.Errorf("the demo found %d near-duplicate groups, want at least 1:\n%s", n, out)
	}
}

// seedMove is one move of the reference briefing: a bullet must carry the
// amount and at least one of the names.
type seedMove struct {
	amount string // "" when the reference gives none
	names  []string
}

var seedMoves = []seedMove{
	{amount: "64%", names: []string{"Exaion"}},
	{amount: "$1.5 billion", names: []string{"Google", "Visakhapatnam"}},
	{amount: "$110 billion", names: []string{"Reliance"}},
	{amount: "$100 million", names: []string{"Presight", "Shorooq"}},
	{amount: "$500 million", names: []string{"Ayar Labs"}},
	{amount: "$2 billion", names: []string{"Lumentum"}},
	{amount: "$4 billion", names: []string{"Nvidia"}},
	{amount: "€37 million", names: []string{"Vertical Compute"}},
	{amount: "$150 million", names: []string{"Revel"}},
	{amount: "", names: []string{"Bitdeer"}},
	{amount: "€1.2 billion", names: []string{"Mistral"}},
}

func checkSeedMoves(t *testing.T, briefing string) {
	t.Helper()
	var bullets []string
	for _, l := range strings.Split(briefing, "\n") {
		if strings.HasPrefix(l, "- ") {
			bullets = append(bullets, l)
		}
	}
	for _, m := range seedMoves {
		found := false
		for _, b := range bullets {
			if strings.Contains(b, m.amount) && containsAny(b, m.names) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no move in the briefing names %s", m)
		}
	}
}

func (m seedMove) String() string {
	s := strings.Join(m.names, " or ")
	if m.amount != "" {
		s = m.amount + " with " + s
	}
	return s
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

var (
	citeRef     = regexp.MustCompile(`\[\\\[(\d+)\\\]\]\(#src-(\d+)\)`)
	sourceEntry = regexp.MustCompile(`(?m)^(\d+)\. <a id="src-(\d+)"></a>`)
	sourcesHead = regexp.MustCompile(`(?m)^## Sources \((\d+)\)`)
)

// checkCitations checks that every [n] in the text links to entry n of the
// sources list, and that the list is numbered 1..N as its heading says.
func checkCitations(t *testing.T, briefing string) {
	t.Helper()
	head := sourcesHead.FindStringSubmatchIndex(briefing)
	if head == nil {
		t.Fatal("the briefing has no sources heading")
	}
	body, list := briefing[:head[0]], briefing[head[0]:]
	total, _ := strconv.Atoi(briefing[head[2]:head[3]])
	entries := map[string]bool{}
	for i, m := range sourceEntry.FindAllStringSubmatch(list, -1) {
		if m[1] != m[2] || m[1] != strconv.Itoa(i+1) {
			t.Errorf("source entry %d is numbered %s with anchor src-%s", i+1, m[1], m[2])
		}
		entries[m[1]] = true
	}
	if len(entries) != total {
		t.Errorf("the heading says %d sources, the list has %d", total, len(entries))
	}
	refs := citeRef.FindAllStringSubmatch(body, -1)
	if len(refs) == 0 {
		t.Fatal("the briefing cites nothing")
	}
	cited := map[string]bool{}
	for _, m := range refs {
		if m[1] != m[2] {
			t.Errorf("citation [%s] links to #src-%s", m[1], m[2])
		}
		if !entries[m[1]] {
			t.Errorf("citation [%s] has no entry in the sources list", m[1])
		}
		cited[m[1]] = true
	}
	for n := range entries {
		if !cited[n] {
			t.Errorf("source %s is listed but never cited", n)
		}
	}
}

// lineDiff lists the lines that differ, enough to see what changed.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n- " + wl + "\n+ " + gl + "\n")
		}
	}
	return b.String()
}
