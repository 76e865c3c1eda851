// Package config is Funding Pulse's configuration: one table of options with
// defaults, types, validation and a secret flag, read from the environment
// and overridden by command-line flags. It is parsed once in cmd/pulse and
// passed to constructors as a value.
package config

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Config holds every setting.
type Config struct {
	DataDir      string        // where the SQLite file and other state live
	DatabaseURL  string        // PostgreSQL URL; empty means SQLite in DataDir
	Addr         string        // web server listen address
	LogLevel     string        // debug, info, warn, error
	LogFormat    string        // text or json
	UserAgent    string        // sent with every fetch
	PollInterval time.Duration // default interval between polls of a source
	MinPoll      time.Duration // lower clamp of server-suggested intervals
	MaxPoll      time.Duration // upper clamp, and the longest error backoff
	FetchTimeout time.Duration // whole-request timeout
	MaxBodyBytes int64         // cap on decompressed body size
	MaxRedirects int
	HostRate     float64 // requests per second per host
	HostBurst    int
	Workers      int  // concurrent fetches
	AllowPrivate bool // allow fetching private and loopback addresses (tests, intranets)
	IgnoreRobots bool // skip robots.txt checks (only for one's own servers)
	ShortText    int  // feed entries with less text than this many bytes get their page fetched

	ModelBaseURL string // OpenAI-compatible endpoint; empty disables the model
	ModelName    string
	ModelAPIKey  string // secret
	ModelTimeout time.Duration
}

// Option is one row of the configuration table.
type Option struct {
	Key     string // environment variable
	Default string
	Help    string
	Secret  bool
	set     func(c *Config, v string) error
	get     func(c *Config) string
}

func str(p func(*Config) *string) (func(*Config, string) error, func(*Config) string) {
	return func(c *Config, v string) error { *p(c) = v; return nil },
		func(c *Config) string { return *p(c) }
}

func dur(p func(*Config) *time.Duration) (func(*Config, string) error, func(*Config) string) {
	return func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil || d < 0 {
				return fmt.Errorf("want a duration such as 30s or 15m, got %q", v)
			}
			*p(c) = d
			return nil
		},
		func(c *Config) string { return p(c).String() }
}

func integer(p func(*Config) *int) (func(*Config, string) error, func(*Config) string) {
	return func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return fmt.Errorf("want a non-negative whole number, got %q", v)
			}
			*p(c) = n
			return nil
		},
		func(c *Config) string { return strconv.Itoa(*p(c)) }
}

func boolean(p func(*Config) *bool) (func(*Config, string) error, func(*Config) string) {
	return func(c *Config, v string) error {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("want true or false, got %q", v)
			}
			*p(c) = b
			return nil
		},
		func(c *Config) string { return strconv.FormatBool(*p(c)) }
}

func opt(key, def, help string, secret bool, set func(*Config, string) error, get func(*Config) string) Option {
	return Option{Key: key, Default: def, Help: help, Secret: secret, set: set, get: get}
}

// Options is the configuration table.
var Options = func() []Option {
	o := []Option{}
	add := func(key, def, help string, secret bool, f func(*Config, string) error, g func(*Config) string) {
		o = append(o, opt(key, def, help, secret, f, g))
	}
	s, g := str(func(c *Config) *string { return &c.DataDir })
	add("PULSE_DATA", "pulse-data", "data directory (SQLite file, state)", false, s, g)
	s, g = str(func(c *Config) *string { return &c.DatabaseURL })
	add("PULSE_DATABASE_URL", "", "PostgreSQL URL; empty means SQLite in the data directory", true, s, g)
	s, g = str(func(c *Config) *string { return &c.Addr })
	add("PULSE_ADDR", "127.0.0.1:8080", "web server listen address", false, s, g)
	s, g = str(func(c *Config) *string { return &c.LogLevel })
	add("PULSE_LOG_LEVEL", "info", "log level: debug, info, warn, error", false, s, g)
	s, g = str(func(c *Config) *string { return &c.LogFormat })
	add("PULSE_LOG_FORMAT", "text", "log format: text or json", false, s, g)
	s, g = str(func(c *Config) *string { return &c.UserAgent })
	add("PULSE_USER_AGENT", "FundingPulse/1.0 (+https://github.com/fundingpulse/pulse)", "User-Agent sent with every fetch", false, s, g)
	d, dg := dur(func(c *Config) *time.Duration { return &c.PollInterval })
	add("PULSE_POLL_INTERVAL", "30m", "default interval between polls of a source", false, d, dg)
	d, dg = dur(func(c *Config) *time.Duration { return &c.MinPoll })
	add("PULSE_MIN_POLL", "5m", "shortest poll interval a server can ask for", false, d, dg)
	d, dg = dur(func(c *Config) *time.Duration { return &c.MaxPoll })
	add("PULSE_MAX_POLL", "24h", "longest poll interval and error backoff", false, d, dg)
	d, dg = dur(func(c *Config) *time.Duration { return &c.FetchTimeout })
	add("PULSE_FETCH_TIMEOUT", "20s", "timeout of one whole fetch", false, d, dg)
	i, ig := integer(func(c *Config) *int { return &c.MaxRedirects })
	add("PULSE_MAX_REDIRECTS", "5", "redirects followed per fetch", false, i, ig)
	add("PULSE_MAX_BODY_BYTES", "10485760", "cap on a fetched body after decompression, in bytes", false,
		func(c *Config, v string) error {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				return fmt.Errorf("want a positive number of bytes, got %q", v)
			}
			c.MaxBodyBytes = n
			return nil
		}, func(c *Config) string { return strconv.FormatInt(c.MaxBodyBytes, 10) })
	add("PULSE_HOST_RATE", "1", "requests per second to one host", false,
		func(c *Config, v string) error {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f <= 0 {
				return fmt.Errorf("want a positive number, got %q", v)
			}
			c.HostRate = f
			return nil
		}, func(c *Config) string { return strconv.FormatFloat(c.HostRate, 'g', -1, 64) })
	i, ig = integer(func(c *Config) *int { return &c.HostBurst })
	add("PULSE_HOST_BURST", "2", "burst of requests allowed to one host", false, i, ig)
	i, ig = integer(func(c *Config) *int { return &c.Workers })
	add("PULSE_WORKERS", "4", "concurrent fetches", false, i, ig)
	b, bg := boolean(func(c *Config) *bool { return &c.AllowPrivate })
	add("PULSE_ALLOW_PRIVATE", "false", "allow fetching private and loopback addresses", false, b, bg)
	b, bg = boolean(func(c *Config) *bool { return &c.IgnoreRobots })
	add("PULSE_IGNORE_ROBOTS", "false", "skip robots.txt checks (only for your own servers)", false, b, bg)
	i, ig = integer(func(c *Config) *int { return &c.ShortText })
	add("PULSE_SHORT_TEXT", "600", "feed entries with less text than this (bytes) get their page fetched", false, i, ig)
	s, g = str(func(c *Config) *string { return &c.ModelBaseURL })
	add("PULSE_MODEL_BASE_URL", "", "OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1; empty disables the model", false, s, g)
	s, g = str(func(c *Config) *string { return &c.ModelName })
	add("PULSE_MODEL", "", "model name sent to the endpoint", false, s, g)
	s, g = str(func(c *Config) *string { return &c.ModelAPIKey })
	add("PULSE_MODEL_API_KEY", "", "API key for the endpoint", true, s, g)
	d, dg = dur(func(c *Config) *time.Duration { return &c.ModelTimeout })
	add("PULSE_MODEL_TIMEOUT", "60s", "timeout of one model request", false, d, dg)
	return o
}()

// Default returns the configuration with every default applied.
func Default() Config {
	var c Config
	for _, o := range Options {
		if err := o.set(&c, o.Default); err != nil {
			panic(fmt.Sprintf("config: bad default for %s: %v", o.Key, err)) // a programming error
		}
	}
	return c
}

// FromEnv returns the defaults overridden by environment variables.
func FromEnv(getenv func(string) string) (Config, error) {
	c := Default()
	for _, o := range Options {
		if v := getenv(o.Key); v != "" {
			if err := o.set(&c, v); err != nil {
				return c, fmt.Errorf("%s: %w", o.Key, err)
			}
		}
	}
	return c, c.Validate()
}

// Set sets one option by its key, as a flag would.
func (c *Config) Set(key, value string) error {
	for _, o := range Options {
		if o.Key == key {
			if err := o.set(c, value); err != nil {
				return fmt.Errorf("%s: %w", key, err)
			}
			return nil
		}
	}
	return fmt.Errorf("unknown option %s", key)
}

// Validate checks values that are wrong together or out of range.
func (c *Config) Validate() error {
	switch {
	case c.DataDir == "" && c.DatabaseURL == "":
		return fmt.Errorf("PULSE_DATA: a data directory is needed")
	case c.MinPoll > c.MaxPoll:
		return fmt.Errorf("PULSE_MIN_POLL (%s) is above PULSE_MAX_POLL (%s)", c.MinPoll, c.MaxPoll)
	case c.Workers == 0:
		return fmt.Errorf("PULSE_WORKERS: at least 1")
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("PULSE_LOG_LEVEL: want debug, info, warn or error, got %q", c.LogLevel)
	}
	if (c.ModelBaseURL == "") != (c.ModelName == "") && c.ModelBaseURL != "" {
		return fmt.Errorf("PULSE_MODEL: a model name is needed with PULSE_MODEL_BASE_URL")
	}
	return nil
}

// SQLitePath is the SQLite database file in the data directory.
func (c *Config) SQLitePath() string { return filepath.Join(c.DataDir, "pulse.db") }

// Print writes every option as KEY=value with secrets redacted.
func (c *Config) Print(w io.Writer) {
	keys := make([]Option, len(Options))
	copy(keys, Options)
	sort.Slice(keys, func(i, j int) bool { return keys[i].Key < keys[j].Key })
	for _, o := range keys {
		v := o.get(c)
		if o.Secret && v != "" {
			v = "********"
		}
		fmt.Fprintf(w, "%s=%s\n", o.Key, v)
	}
}

// Env returns os.Getenv, so callers need not import os for the common case.
func Env() func(string) string { return os.Getenv }

// Help returns a table of the options for usage text.
func Help() string {
	var b strings.Builder
	for _, o := range Options {
		fmt.Fprintf(&b, "  %-22s %s (default %q)\n", o.Key, o.Help, o.Default)
	}
	return b.String()
}
