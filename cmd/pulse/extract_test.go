package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runExtractCLI runs one pulse command line with a temporary data directory.
func runExtractCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := map[string]string{"PULSE_DATA": t.TempDir()}
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut, func(k string) string { return env[k] })
	return code, out.String(), errOut.String()
}

func TestExtractCommand(t *testing.T) {
	in := `{"id":"a","text":"Acme raises $5M seed round led by Foo Ventures.","published":"2024-03-01"}
{"id":"b" broken
{"id":"c","text":"No deal here."}
`
	code, out, errOut := runExtractCLI(t, in, "extract")
	if code != 1 || !strings.Contains(errOut, "line 2") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("stdout %q", out)
	}
	var first struct {
		ID     string `json:"id"`
		Events []struct {
			Company   string   `json:"company"`
			Amount    float64  `json:"amount"`
			AmountUSD *float64 `json:"amount_usd"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || first.ID != "a" || len(first.Events) != 1 || first.Events[0].Company != "Acme" || first.Events[0].AmountUSD == nil {
		t.Errorf("first line %s (%v)", lines[0], err)
	}
	if lines[1] != `{"id":"c","events":[]}` {
		t.Errorf("second line %s", lines[1])
	}
}

func TestExtractFiles(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(f, []byte("Bolt Labs has raised €3 million from Ember Capital."), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runExtractCLI(t, "", "extract", f, filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(errOut, "missing.txt") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.HasPrefix(out, `{"id":"story.txt","events":[{"company":"Bolt Labs"`) {
		t.Errorf("stdout %q", out)
	}
}

func TestEvalCommand(t *testing.T) {
	gold := filepath.Join(t.TempDir(), "gold.jsonl")
	data := `{"id":"1","text":"Acme raises $5M seed round led by Foo Ventures.","events":[{"company":"Acme","kind":"funding_round","amount":5000000,"currency":"USD","round":"seed","investors":["Foo Ventures"],"lead_investors":["Foo Ventures"]}]}
{"id":"2","text":"Revenue grew to $40 million.","events":[]}
`
	if err := os.WriteFile(gold, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runExtractCLI(t, "", "eval", gold, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil || res["f1"] != 1.0 || res["negative_cases_with_false_deals"] != 0.0 {
		t.Errorf("eval output %s (%v)", out, err)
	}
	code, out, _ = runExtractCLI(t, "", "eval", gold, "--show-errors")
	if code != 0 || !strings.HasSuffix(out, "F1 1.0000\n") {
		t.Errorf("exit %d, text output %q", code, out)
	}
	if code, _, _ := runExtractCLI(t, "", "eval"); code != 2 {
		t.Errorf("eval without a file: exit %d, want 2", code)
	}
}
