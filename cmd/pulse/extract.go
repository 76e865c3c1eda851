package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fundingpulse/pulse/extract"
	"github.com/fundingpulse/pulse/extract/eval"
	"github.com/fundingpulse/pulse/llm"
)

// extractInput is one line of "pulse extract" input.
type extractInput struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published string `json:"published"`
	URL       string `json:"url"`
}

// extractOutput is one line of "pulse extract" output.
type extractOutput struct {
	ID     string          `json:"id"`
	Events []extract.Event `json:"events"`
}

// newExtractor builds the extractor from the configuration: rules, plus the
// model when one is configured.
func (c *cli) newExtractor() *extract.Extractor {
	model := llm.New(llm.Config{BaseURL: c.cfg.ModelBaseURL, Model: c.cfg.ModelName, APIKey: c.cfg.ModelAPIKey, Timeout: c.cfg.ModelTimeout})
	return extract.New(extract.Options{Model: model, Log: c.log})
}

// parseDate reads "YYYY-MM-DD" or RFC 3339; empty is the zero time.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// extractEvents runs the extractor and converts deals to wire events.
func extractEvents(ctx context.Context, x *extract.Extractor, d extract.Document) ([]extract.Event, error) {
	deals, err := x.Extract(ctx, d)
	if err != nil {
		return nil, err
	}
	evs := make([]extract.Event, 0, len(deals))
	for _, dl := range deals {
		evs = append(evs, extract.EventOf(dl))
	}
	return evs, nil
}

func runExtract(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("extract")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	x := c.newExtractor()
	w := bufio.NewWriter(c.stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	failed := 0
	emit := func(id string, d extract.Document) error {
		evs, err := extractEvents(ctx, x, d)
		if err != nil {
			return err
		}
		return enc.Encode(extractOutput{ID: id, Events: evs})
	}
	if len(files) > 0 {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				fmt.Fprintf(c.stderr, "pulse extract: %v\n", err)
				failed++
				continue
			}
			id := filepath.Base(f)
			if err := emit(id, extract.Document{ID: id, Text: string(b)}); err != nil {
				return fmt.Errorf("extract %s: %w", f, err)
			}
		}
	} else {
		r := bufio.NewReader(c.stdin)
		for n := 1; ; n++ {
			line, err := r.ReadBytes('\n')
			if len(bytes.TrimSpace(line)) > 0 {
				var in extractInput
				pub, perr := time.Time{}, json.Unmarshal(line, &in)
				if perr == nil && in.ID == "" {
					perr = errors.New(`missing "id"`)
				}
				if perr == nil {
					pub, perr = parseDate(in.Published)
				}
				if perr != nil {
					fmt.Fprintf(c.stderr, "pulse extract: line %d: %v\n", n, perr)
					failed++
				} else if err := emit(in.ID, extract.Document{ID: in.ID, Text: in.Text, Published: pub, URL: in.URL}); err != nil {
					return fmt.Errorf("extract line %d: %w", n, err)
				}
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				return fmt.Errorf("read input: %w", err)
			}
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d input(s) failed", failed)
	}
	return nil
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
		pub, _ := parseDate(strings.TrimSpace(pubs))
		evs, err := extractEvents(ctx, x, extract.Document{ID: id, Text: text, Published: pub})
		if err != nil {
			return err
		}
		if err := enc.Encode(extractOutput{ID: id, Events: evs}); err != nil {
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
