package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fundingpulse/pulse/extract"
	"github.com/fundingpulse/pulse/extract/eval"
)

// The floors are the event F1 the extractor keeps on each labelled set;
// raise them when the extractor improves, never lower them to make a change
// pass. Run with -v to see every miss; set PULSE_EVAL_PRED to a directory to
// keep the predictions.
var evalFloors = []struct {
	path          string
	f1            float64
	falseNegCases int // negative cases allowed to produce a deal
}{
	// Texts invented apart from the rules, in the styles news comes in
	// (see each folder's README); the rules were developed against these.
	{"testdata/blind/cases.jsonl", 0.96, 1},
	{"testdata/train-a/cases.jsonl", 0.93, 0},
	{"testdata/train-b/cases.jsonl", 0.92, 1},
	// Two further invented sets, never used to develop the rules: the
	// nearest measure here of how they do on text nobody tuned them for.
	// holdout2 keeps whole web pages, furniture and all.
	{"testdata/holdout/cases.jsonl", 0.75, 2},
	{"testdata/holdout2/cases.jsonl", 0.82, 3},
	// The shared development set, outside the repository.
	{sharedEval + "/dev/cases.jsonl", 0.92, 0},
	{sharedEval + "/dev/seed-briefing.jsonl", 1.0, 0},
}

func TestEvalFloors(t *testing.T) {
	for _, fl := range evalFloors {
		t.Run(filepath.Base(filepath.Dir(fl.path))+"/"+filepath.Base(fl.path), func(t *testing.T) {
			if _, err := os.Stat(fl.path); err != nil {
				t.Skipf("labelled set not available: %v", err)
			}
			gold, pred := predictions(t, fl.path)
			res, errs := eval.Score(gold, pred, true)
			var out bytes.Buffer
			res.WriteText(&out, errs)
			t.Log("\n" + out.String())
			if res.F1 < fl.f1 {
				t.Errorf("event F1 %.4f, want at least %.4f", res.F1, fl.f1)
			}
			if res.NegativeCasesWithFalseDeals > fl.falseNegCases {
				t.Errorf("%d of %d negative cases produced a deal, want at most %d", res.NegativeCasesWithFalseDeals, res.NegativeCases, fl.falseNegCases)
			}
		})
	}
}

// predictions runs the extractor over a labelled file.
func predictions(t *testing.T, path string) (gold, pred *eval.Set) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err = eval.Load(f, path)
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(extract.Options{})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, id := range gold.IDs() {
		c := gold.Case(id)
		text, _ := c["text"].(string)
		pub, _ := c["published"].(string)
		d := extract.Document{ID: id, Text: text}
		d.Published, _ = time.Parse(time.DateOnly, pub)
		evs, err := x.Events(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		enc.Encode(extract.Output{ID: id, Events: evs})
	}
	if dir := os.Getenv("PULSE_EVAL_PRED"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(filepath.Dir(path))+"-"+filepath.Base(path)), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pred, err = eval.Load(&buf, "predictions")
	if err != nil {
		t.Fatal(err)
	}
	return gold, pred
}
