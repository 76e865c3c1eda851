package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fundingpulse/pulse/extract"
	"github.com/fundingpulse/pulse/extract/eval"
)

// sharedEval is the labelled data and reference scorer, kept outside the
// repository.
const sharedEval = "../../shared/eval"

// TestScoreMatchesPython scores the extractor's predictions on the dev sets
// with the Go port and with score.py, and requires identical output, both
// the --json figures and the --show-errors listing.
func TestScoreMatchesPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	script := filepath.Join(sharedEval, "score.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("reference scorer not available at %s", script)
	}
	golds, _ := filepath.Glob(filepath.Join(sharedEval, "dev", "*.jsonl"))
	golds = append(golds, writeTricky(t))
	x := extract.New(extract.Options{})
	for _, goldPath := range golds {
		t.Run(filepath.Base(goldPath), func(t *testing.T) {
			f, err := os.Open(goldPath)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			gold, err := eval.Load(f, goldPath)
			if err != nil {
				t.Fatal(err)
			}
			predPath := filepath.Join(t.TempDir(), "pred.jsonl")
			if strings.HasSuffix(goldPath, "tricky-gold.jsonl") {
				predPath = strings.Replace(goldPath, "gold", "pred", 1)
			} else {
				var buf bytes.Buffer
				enc := json.NewEncoder(&buf)
				for _, id := range gold.IDs() {
					text, _ := gold.Case(id)["text"].(string)
					evs, err := x.Events(context.Background(), extract.Document{ID: id, Text: text})
					if err != nil {
						t.Fatal(err)
					}
					enc.Encode(extract.Output{ID: id, Events: evs})
				}
				if err := os.WriteFile(predPath, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			pf, err := os.Open(predPath)
			if err != nil {
				t.Fatal(err)
			}
			defer pf.Close()
			pred, err := eval.Load(pf, predPath)
			if err != nil {
				t.Fatal(err)
			}
			res, errs := eval.Score(gold, pred, true)
			var goJSON, goText bytes.Buffer
			res.WriteJSON(&goJSON)
			res.WriteText(&goText, errs)
			for _, mode := range []struct {
				flag string
				got  string
			}{{"--json", goJSON.String()}, {"--show-errors", goText.String()}} {
				out, err := exec.Command(py, script, goldPath, predPath, mode.flag).Output()
				if err != nil {
					t.Fatalf("score.py %s: %v", mode.flag, err)
				}
				if string(out) != mode.got {
					t.Errorf("score.py %s differs:\npython:\n%s\ngo:\n%s", mode.flag, out, mode.got)
				}
			}
		})
	}
}

// writeTricky writes a gold and a prediction file that exercise the
// scorer's corners: null companies, aliases, alt amounts, possessives,
// suffixes, non-ASCII names, missing ids, ties in greedy matching.
func writeTricky(t *testing.T) string {
	dir := t.TempDir()
	gold := `{"id":"a","text":"","events":[{"company":"Acme Labs Inc.","aliases":["Acme"],"kind":"funding_round","amount":10000000,"currency":"USD","alt_amounts":[[8000000,"GBP"]],"round":"seed","investors":["Foo Ventures","Bar & Co"],"lead_investors":[]},{"company":null,"kind":"investment","amount":4000000000,"currency":"USD","round":null,"investors":["Nvidia"]}]}
{"id":"b","text":"","events":[]}
{"id":"c","text":"","events":[{"company":"Möbelfirst","kind":"acquisition","amount":null,"currency":null,"round":null,"investors":["The Platform Group"]},{"company":"Mono","kind":"funding_round","amount":3000000,"currency":"USD","round":"seed","investors":[]},{"company":"Mono","kind":"funding_round","amount":15000000,"currency":"USD","round":"series_a","investors":["Tiger Global"]}]}
{"id":"d","text":"","events":[{"company":"Zeta","kind":"grant","amount":1.5e6,"currency":"eur","round":null,"investors":[]}]}
{"id":7,"text":"","events":[{"company":"O'Brien's Bakery","kind":"debt","amount":0,"currency":"USD","round":null,"investors":[]}]}
`
	pred := `{"id":"a","events":[{"company":"acme","kind":"funding_round","amount":8050000,"currency":"GBP","round":"seed","investors":["Foo Ventures","Bar and Co","Baz"]},{"company":null,"kind":"investment","amount":4e9,"currency":"USD","investors":["NVIDIA"]},{"company":"Acme's","kind":"other","amount":10000000.0,"currency":"USD","investors":[]}]}
{"id":"b","events":[{"company":"Ghost","kind":"funding_round","amount":1,"currency":"USD","investors":[]}]}
{"id":"c","events":[{"company":"Mono","kind":"funding_round","amount":3000000,"currency":"USD","round":"undisclosed","investors":[]},{"company":"Möbelfirst GmbH","kind":"acquisition","amount":null,"currency":null,"investors":["Platform Group"]},{"company":"Mono Inc","kind":"investment","amount":15100000,"currency":"USD","investors":["Tiger Global","Other"]}]}
{"id":"7","events":[{"company":"O’Brien Bakery","kind":"debt","amount":0,"currency":"usd","investors":[]}]}
`
	gp, pp := filepath.Join(dir, "tricky-gold.jsonl"), filepath.Join(dir, "tricky-pred.jsonl")
	if err := os.WriteFile(gp, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pp, []byte(pred), 0o644); err != nil {
		t.Fatal(err)
	}
	return gp
}
