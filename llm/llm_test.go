package llm

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestChat(t *testing.T) {
	var got struct {
		Model    string    `json:"model"`
		Messages []Message `json:"messages"`
		Format   any       `json:"response_format"`
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("Authorization") != "Bearer k" {
			http.Error(w, "no key", http.StatusUnauthorized)
			return
		}
		if err := json.NewDecoder(r.Body).Decode(&got); err != nil {
			t.Error(err)
		}
		w.Write([]byte(`{"choices":[{"message":{"role":"assistant","content":"hello"}}]}`))
	}))
	defer srv.Close()

	c := New(Config{BaseURL: srv.URL + "/v1/", Model: "m", APIKey: "k"})
	out, err := c.Chat(context.Background(), []Message{{Role: "user", Content: "hi"}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if out != "hello" || got.Model != "m" || len(got.Messages) != 1 || got.Format == nil {
		t.Fatalf("out=%q request=%+v", out, got)
	}
}

func TestChatErrors(t *testing.T) {
	tests := []struct {
		name, body string
		status     int
		want       string
	}{
		{"status", `busy`, http.StatusServiceUnavailable, "503"},
		{"not json", `<html>`, http.StatusOK, "decode"},
		{"no choices", `{"choices":[]}`, http.StatusOK, "no choices"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.body))
			}))
			defer srv.Close()
			_, err := New(Config{BaseURL: srv.URL, Model: "m"}).Chat(context.Background(), nil, false)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestNilClient(t *testing.T) {
	if c := New(Config{}); c != nil {
		t.Fatal("New without endpoint should be nil")
	}
	var c *Client
	if _, err := c.Chat(context.Background(), nil, false); err == nil {
		t.Fatal("want error from nil client")
	}
}
