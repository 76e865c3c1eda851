package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestExtractJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"1","text":"Acme raises $5M seed round led by Foo Ventures.","published":"2025-01-02"}`,
		`not json`,
		``,
		`{"text":"no id"}`,
		`{"id":"4","text":"Nothing here.","published":"yesterday"}`,
		`{"id":"5","text":"Nothing here either."}`,
	}, "\n")
	var out, errs bytes.Buffer
	failed, err := New(Options{}).ExtractJSONL(context.Background(), strings.NewReader(in), &out, &errs)
	if err != nil {
		t.Fatal(err)
	}
	if failed != 3 {
		t.Errorf("failed = %d, want 3", failed)
	}
	for _, want := range []string{"line 2:", "line 4:", "line 5:"} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("errors %q lack %q", errs.String(), want)
		}
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("output lines: %q", lines)
	}
	var o Output
	if err := json.Unmarshal([]byte(lines[0]), &o); err != nil || o.ID != "1" || len(o.Events) != 1 || *o.Events[0].Company != "Acme" {
		t.Errorf("first line %s: %v", lines[0], err)
	}
	if !strings.Contains(lines[1], `"id":"5","events":[]`) {
		t.Errorf("second line %s", lines[1])
	}
}
