package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/fundingpulse/pulse/extract"
	"github.com/fundingpulse/pulse/extract/eval"
	"github.com/fundingpulse/pulse/fx"
	"github.com/fundingpulse/pulse/llm"
)

// newExtractor builds the extractor from the configuration: rules, the
// reference rates for amount_usd, and the model when one is configured.
func (c *cli) newExtractor() *extract.Extractor {
	model := llm.New(llm.Config{BaseURL: c.cfg.ModelBaseURL, Model: c.cfg.ModelName, APIKey: c.cfg.ModelAPIKey, Timeout: c.cfg.ModelTimeout})
	rates, err := fx.Open(c.cfg.DataDir)
	if err != nil {
		c.log.Warn("imported currency rates unreadable, using the embedded ones", "data_dir", c.cfg.DataDir, "err", err)
		rates = fx.Default()
	}
	return extract.New(extract.Options{FX: rates, Model: model, Log: c.log})
}

func runExtract(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("extract")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	x := c.newExtractor()
	if len(files) == 0 {
		failed, err := x.ExtractJSONL(ctx, c.stdin, c.stdout, prefixed{c.stderr, "pulse extract: "})
		if err != nil {
			return err
		}
		if failed > 0 {
			return fmt.Errorf("%d input line(s) failed", failed)
		}
		return nil
	}
	w := bufio.NewWriter(c.stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(c.stderr, "pulse extract: %v\n", err)
			failed++
			continue
		}
		id := filepath.Base(f)
		evs, err := x.Events(ctx, extract.Document{ID: id, Text: string(b)})
		if err != nil {
			return fmt.Errorf("extract %s: %w", f, err)
		}
		if err := enc.Encode(extract.Output{ID: id, Events: evs}); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d file(s) failed", failed)
	}
	return nil
}

// prefixed writes every write to w behind a prefix.
type prefixed struct {
	w      interface{ Write([]byte) (int, error) }
	prefix string
}

func (p prefixed) Write(b []byte) (int, error) {
	if _, err := p.w.Write(append([]byte(p.prefix), b...)); err != nil {
		return 0, err
	}
	return len(b), nil
}

func runEval(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("eval")
	showErrors := fs.Bool("show-errors", false, "list unmatched events")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("want one GOLD.jsonl file")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("open gold set: %w", err)
	}
	defer f.Close()
	gold, err := eval.Load(f, pos[0])
	if err != nil {
		return err
	}
	x := c.newExtractor()
	var preds bytes.Buffer
	enc := json.NewEncoder(&preds)
	for _, id := range gold.IDs() {
		g := gold.Case(id)
		text, _ := g["text"].(string)
		pubs, _ := g["published"].(string)
		pub, _ := extract.ParseDate(strings.TrimSpace(pubs)) // an unreadable date only loses the FX date
		evs, err := x.Events(ctx, extract.Document{ID: id, Text: text, Published: pub})
		if err != nil {
			return err
		}
		if err := enc.Encode(extract.Output{ID: id, Events: evs}); err != nil {
			return fmt.Errorf("encode predictions: %w", err)
		}
	}
	pred, err := eval.Load(&preds, "predictions")
	if err != nil {
		return err
	}
	res, errs := eval.Score(gold, pred, *showErrors)
	if *asJSON {
		return res.WriteJSON(c.stdout)
	}
	return res.WriteText(c.stdout, errs)
}
