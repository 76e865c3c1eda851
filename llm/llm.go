// Package llm is a small client for OpenAI-compatible chat completion
// endpoints (a local model server or a hosted one). Callers must verify
// everything a model returns against their sources; this package only talks.
package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Config says where the model is.
type Config struct {
	BaseURL string // e.g. http://127.0.0.1:11434/v1; "/chat/completions" is appended
	Model   string
	APIKey  string // sent as a bearer token when set
	Timeout time.Duration
	// HTTPClient is used when set; otherwise a client with Timeout.
	HTTPClient *http.Client
}

// Message is one chat message.
type Message struct {
	Role    string `json:"role"` // "system", "user" or "assistant"
	Content string `json:"content"`
}

// Client talks to one endpoint. It is safe for concurrent use.
type Client struct {
	cfg  Config
	http *http.Client
}

// New returns a client, or nil when cfg names no endpoint, so callers can
// treat "no model configured" as a nil *Client.
func New(cfg Config) *Client {
	if cfg.BaseURL == "" || cfg.Model == "" {
		return nil
	}
	hc := cfg.HTTPClient
	if hc == nil {
		t := cfg.Timeout
		if t == 0 {
			t = 60 * time.Second
		}
		hc = &http.Client{Timeout: t}
	}
	return &Client{cfg: cfg, http: hc}
}

// maxResponse bounds what a misbehaving server can make us read.
const maxResponse = 4 << 20

// Chat sends messages and returns the first choice's content. With
// jsonMode the server is asked for a JSON object (response_format).
func (c *Client) Chat(ctx context.Context, msgs []Message, jsonMode bool) (string, error) {
	if c == nil {
		return "", errors.New("llm: no model configured")
	}
	req := map[string]any{"model": c.cfg.Model, "messages": msgs, "temperature": 0}
	if jsonMode {
		req["response_format"] = map[string]string{"type": "json_object"}
	}
	body, err := json.Marshal(req)
	if err != nil {
		return "", fmt.Errorf("llm: encode request: %w", err)
	}
	url := strings.TrimRight(c.cfg.BaseURL, "/") + "/chat/completions"
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("llm: build request: %w", err)
	}
	hr.Header.Set("Content-Type", "application/json")
	if c.cfg.APIKey != "" {
		hr.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	}
	resp, err := c.http.Do(hr)
	if err != nil {
		return "", fmt.Errorf("llm: request: %w", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return "", fmt.Errorf("llm: read response: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("llm: server answered %s: %.200s", resp.Status, raw)
	}
	var out struct {
		Choices []struct {
			Message Message `json:"message"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return "", fmt.Errorf("llm: decode response: %w", err)
	}
	if len(out.Choices) == 0 {
		return "", errors.New("llm: response has no choices")
	}
	return out.Choices[0].Message.Content, nil
}
