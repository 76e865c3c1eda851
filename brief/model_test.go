package brief

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/llm"
)

// chatServer answers chat completions with the content answer builds from
// the request's user message.
func chatServer(t *testing.T, answer func(in rewriteIn) rewriteOut) *llm.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(w, r)
			return
		}
		var req struct {
			Messages []llm.Message `json:"messages"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Messages) != 2 {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		var in rewriteIn
		if err := json.Unmarshal([]byte(req.Messages[1].Content), &in); err != nil {
			http.Error(w, "bad user message", http.StatusBadRequest)
			return
		}
		content, _ := json.Marshal(answer(in))
		json.NewEncoder(w).Encode(map[string]any{
			"choices": []map[string]any{{"message": map[string]string{"role": "assistant", "content": string(content)}}},
		})
	}))
	t.Cleanup(srv.Close)
	return llm.New(llm.Config{BaseURL: srv.URL + "/v1", Model: "test"})
}

// proseRewrite is an honest rewrite: it reorders words and adds connectives
// but keeps every figure and name.
func proseRewrite(in rewriteIn) rewriteOut {
	out := rewriteOut{Lede: "In short: " + in.Lede, Bullets: map[string]string{}}
	for id, t := range in.Bullets {
		out.Bullets[id] = "Meanwhile, " + t
	}
	return out
}

func TestRewriteVerified(t *testing.T) {
	b := composeFixture(t)
	var logs bytes.Buffer
	got := Rewrite(context.Background(), chatServer(t, proseRewrite), b, slog.New(slog.NewTextHandler(&logs, nil)))
	if got == b {
		t.Fatalf("verified rewrite was not used; log: %s", logs.String())
	}
	if !strings.HasPrefix(got.Lede, "In short: ") {
		t.Errorf("lede %q", got.Lede)
	}
	for i, s := range got.Sections {
		for j, bl := range s.Bullets {
			if !strings.HasPrefix(bl.Text, "Meanwhile, ") {
				t.Errorf("bullet %q not rewritten", bl.Text)
			}
			if !slices.Equal(bl.Citations, b.Sections[i].Bullets[j].Citations) {
				t.Errorf("citations changed: %v", bl.Citations)
			}
		}
	}
	if got.Hash != b.Hash || Hash(b) != b.Hash {
		t.Error("the hash must stay that of the deterministic content")
	}
	if ch := Diff(b, got); !ch.Empty() {
		t.Errorf("a verified rewrite differs in facts: %+v", ch)
	}
}

func TestRewriteRejected(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer func(in rewriteIn) rewriteOut
		reason string
	}{
		{"invented figure", func(in rewriteIn) rewriteOut {
			out := proseRewrite(in)
			for id := range out.Bullets {
				out.Bullets[id] += " Its valuation reached $9 billion."
				break
			}
			return out
		}, `figure \"9\"`},
		{"invented name", func(in rewriteIn) rewriteOut {
			out := proseRewrite(in)
			for id, t := range out.Bullets {
				out.Bullets[id] = t + " SoftBank also took part."
				break
			}
			return out
		}, `name \"SoftBank\"`},
		{"figure moved to another move", func(in rewriteIn) rewriteOut {
			out := proseRewrite(in)
			for id, t := range out.Bullets {
				if strings.Contains(t, "Revel") {
					out.Bullets[id] = strings.Replace(t, "$150 million", "$500 million", 1)
				}
			}
			return out
		}, "figure"},
		{"dropped lede citation", func(in rewriteIn) rewriteOut {
			out := proseRewrite(in)
			out.Lede = strings.ReplaceAll(out.Lede, "[5]", "")
			return out
		}, "citations"},
		{"number word", func(in rewriteIn) rewriteOut {
			out := proseRewrite(in)
			out.Lede += " Three more are expected."
			return out
		}, "number word"},
		{"not JSON", nil, "not the requested JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := composeFixture(t)
			var model *llm.Client
			if tc.answer != nil {
				model = chatServer(t, tc.answer)
			} else {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					w.Write([]byte(`{"choices":[{"message":{"role":"assistant","content":"Sure! Here is the briefing."}}]}`))
				}))
				t.Cleanup(srv.Close)
				model = llm.New(llm.Config{BaseURL: srv.URL, Model: "test"})
			}
			var logs bytes.Buffer
			got := Rewrite(context.Background(), model, b, slog.New(slog.NewTextHandler(&logs, nil)))
			if got != b {
				t.Error("a rewrite that failed verification was used")
			}
			if !strings.Contains(logs.String(), "rejected") || !strings.Contains(logs.String(), tc.reason) {
				t.Errorf("log lacks the reason %q: %s", tc.reason, logs.String())
			}
		})
	}
}

func TestRebuildWithModel(t *testing.T) {
	ctx := context.Background()
	f := newStoreFixture(t)
	for id := int64(1); id <= 7; id++ {
		f.addArticle(t, id)
	}
	for _, d := range fixtureDeals(f.arts)[:6] {
		f.addDeal(t, d)
	}
	p := &pulse.Pulse{Slug: "all", Name: "Everything", Topic: "All deals"}
	calls := 0
	model := chatServer(t, func(in rewriteIn) rewriteOut { calls++; return proseRewrite(in) })
	if _, err := SavePulse(ctx, f.s, p, now, model); err != nil {
		t.Fatal(err)
	}
	b, err := f.s.FindBriefing(ctx, p.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.Lede, "In short: ") {
		t.Errorf("stored lede %q is not the verified model version", b.Lede)
	}
	if _, created, err := Rebuild(ctx, f.s, p, now.Add(1), model); err != nil || created {
		t.Errorf("rebuild with nothing new: created %v err %v", created, err)
	}
	if calls != 1 {
		t.Errorf("model asked %d times, want once (nothing new the second time)", calls)
	}
}
