package extract

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fundingpulse/pulse/llm"
)

// chatServer answers OpenAI chat completions with content and records the
// requests it got.
func chatServer(t *testing.T, status int, content string) (*llm.Client, *int) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		var req struct {
			Messages []llm.Message `json:"messages"`
			Format   struct {
				Type string `json:"type"`
			} `json:"response_format"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Format.Type != "json_object" || len(req.Messages) != 2 {
			t.Errorf("bad request: %v %+v", err, req)
		}
		if status != http.StatusOK {
			http.Error(w, "down", status)
			return
		}
		b, _ := json.Marshal(map[string]any{"choices": []any{map[string]any{"message": map[string]string{"role": "assistant", "content": content}}}})
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return llm.New(llm.Config{BaseURL: srv.URL, Model: "test"}), &calls
}

const modelText = "Two energy start-ups in the news\n\nQuarry Labs said investors put €4.5 million into the company; the money came from Basalt Ventures. Separately, Tarn Energy was acquired by Fellside Power."

func TestModelProposalsVerified(t *testing.T) {
	answer := `{"events":[
	 {"company":"Quarry Labs","kind":"funding_round","amount":4500000,"currency":"EUR","round":"seed","investors":["Basalt Ventures"],"lead_investors":[]},
	 {"company":"Phantom AI","kind":"funding_round","amount":4500000,"currency":"EUR","round":null,"investors":[],"lead_investors":[]},
	 {"company":"Quarry Labs","kind":"debt","amount":9000000,"currency":"EUR","round":null,"investors":[],"lead_investors":[]},
	 {"company":"Tarn Energy","kind":"acquisition","amount":null,"currency":null,"round":null,"investors":["Made Up Capital"],"lead_investors":[]}
	]}`
	client, calls := chatServer(t, http.StatusOK, answer)
	deals, err := New(Options{Model: client}).Extract(context.Background(), Document{Text: modelText})
	if err != nil {
		t.Fatal(err)
	}
	if *calls != 1 {
		t.Fatalf("model called %d times", *calls)
	}
	var got []string
	for _, d := range deals {
		got = append(got, d.Company+"/"+string(d.Kind)+"/"+strings.Join(d.Investors, ","))
	}
	// The rules find the acquisition; the model adds the round, which the
	// rules miss; the invented company, the amount not in the text and the
	// invented investor are all dropped.
	want := []string{"Tarn Energy/acquisition/Fellside Power", "Quarry Labs/funding_round/Basalt Ventures"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("got %q, want %q", got, want)
	}
	q := deals[1]
	if q.Amount != 4.5e6 || q.Currency != "EUR" || q.Round != "seed" || len(q.Mentions) != 1 || !strings.Contains(q.Mentions[0].Sentence, "€4.5 million") {
		t.Errorf("model deal = %+v", q)
	}
}

func TestModelFailureKeepsRules(t *testing.T) {
	for _, tc := range []struct {
		status  int
		content string
	}{{http.StatusInternalServerError, ""}, {http.StatusOK, "not json"}, {http.StatusOK, `{"events":[{"kind":"nonsense"}]}`}} {
		client, _ := chatServer(t, tc.status, tc.content)
		deals, err := New(Options{Model: client}).Extract(context.Background(), Document{Text: modelText})
		if err != nil {
			t.Fatal(err)
		}
		if len(deals) != 1 || deals[0].Company != "Tarn Energy" {
			t.Errorf("status %d %q: got %+v", tc.status, tc.content, deals)
		}
	}
}
