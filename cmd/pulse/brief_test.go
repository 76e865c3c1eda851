package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fundingpulse/pulse"
)

// runPulse runs one command line against a data directory and returns its
// exit code and output.
func runPulse(t *testing.T, data string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := map[string]string{"PULSE_DATA": data}
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut, func(k string) string { return env[k] })
	return code, out.String(), errOut.String()
}

func TestPulsesAndBriefCommands(t *testing.T) {
	data := t.TempDir()
	code, out, errOut := runPulse(t, data, "", "brief")
	if code != 0 || !strings.Contains(out, "AI Funding Pulse") || !strings.Contains(out, "Sources (0)") {
		t.Fatalf("brief on an empty store: %d %q %q", code, out, errOut)
	}
	code, out, _ = runPulse(t, data, "", "pulses", "list")
	for _, slug := range []string{"ai-funding-pulse", "photonics-interconnects", "sovereign-ai-hubs"} {
		if code != 0 || !strings.Contains(out, slug) {
			t.Errorf("pulses list lacks %s: %q", slug, out)
		}
	}

	code, out, errOut = runPulse(t, data, "", "pulses", "add", "chips", "--name", "Chips", "--keywords", "chip* OR semiconductor*", "--sector", "chips,memory", "--min-amount", "1000000")
	if code != 0 || !strings.Contains(out, "added pulse chips") {
		t.Fatalf("pulses add: %d %q %q", code, out, errOut)
	}
	// Changing one field keeps the others.
	if code, _, errOut = runPulse(t, data, "", "pulses", "add", "chips", "--topic", "Silicon for AI"); code != 0 {
		t.Fatalf("pulses add (update): %d %q", code, errOut)
	}
	code, out, _ = runPulse(t, data, "", "pulses", "show", "chips")
	var f struct {
		Pulses []struct {
			Name, Topic, Keywords string
			Sectors               []string
			MinAmountUSD          float64 `json:"min_amount_usd"`
		}
	}
	if err := json.Unmarshal([]byte(out), &f); code != 0 || err != nil || len(f.Pulses) != 1 {
		t.Fatalf("pulses show: %d %v %q", code, err, out)
	}
	if p := f.Pulses[0]; p.Name != "Chips" || p.Topic != "Silicon for AI" || p.Keywords != "chip* OR semiconductor*" || len(p.Sectors) != 2 || p.MinAmountUSD != 1e6 {
		t.Errorf("updated pulse = %+v", p)
	}

	file := filepath.Join(t.TempDir(), "pulses.json")
	if err := os.WriteFile(file, []byte(`{"pulses":[{"slug":"gulf","name":"Gulf AI","regions":["middle_east"]},{"slug":"eu","name":"EU","regions":["europe"],"from":"2026-01-01"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut = runPulse(t, data, "", "pulses", "add", "--file", file); code != 0 || strings.Count(out, "added pulse") != 2 {
		t.Fatalf("pulses add --file: %d %q %q", code, out, errOut)
	}

	code, out, _ = runPulse(t, data, "", "brief", "gulf", "--format", "json")
	var b pulse.Briefing
	if err := json.Unmarshal([]byte(out), &b); code != 0 || err != nil || b.Title != "Gulf AI" || b.Version != 1 {
		t.Errorf("brief --format json: %d %v %+v", code, err, b)
	}
	if code, out, _ = runPulse(t, data, "", "brief", "gulf", "--since", "2020-01-01"); code != 0 || !strings.Contains(out, "No changes since") {
		t.Errorf("brief --since: %d %q", code, out)
	}
	if code, out, _ = runPulse(t, data, "", "pulses", "remove", "gulf"); code != 0 || !strings.Contains(out, "removed pulse gulf") {
		t.Errorf("pulses remove: %d %q", code, out)
	}

	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"pulses", "add", "bad", "--name", "Bad", "--keywords", "(a OR"}, 1, "position 6"},
		{[]string{"pulses", "add", "Bad Slug", "--name", "x"}, 1, "slug"},
		{[]string{"pulses", "add"}, 2, "SLUG"},
		{[]string{"pulses", "frobnicate"}, 2, "unknown subcommand"},
		{[]string{"pulses", "show", "nope"}, 1, "nope"},
		{[]string{"brief", "--format", "pdf"}, 2, "unknown format"},
		{[]string{"brief", "--since", "yesterday"}, 2, "--since"},
		{[]string{"brief", "gulf"}, 1, "gulf"},
	} {
		code, _, errOut := runPulse(t, data, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("pulse %s: exit %d, stderr %q; want exit %d mentioning %q", strings.Join(tc.args, " "), code, errOut, tc.code, tc.msg)
		}
	}
}
