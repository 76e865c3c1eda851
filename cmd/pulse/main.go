// Command pulse is Funding Pulse: it reads the news, finds funding and
// investment deals, and keeps a living, source-cited briefing per topic.
//
// This package only wires: it parses configuration and flags, opens the
// store and hands values to the packages that do the work.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/config"
)

// cli is what every command gets: streams, configuration and a logger.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	cfg            config.Config
	log            *slog.Logger
}

// command is one subcommand of pulse.
type command struct {
	name    string
	args    string
	summary string
	run     func(ctx context.Context, c *cli, args []string) error
}

// commands is the CLI, in the order shown by "pulse help".
var commands []command

func init() {
	commands = []command{
		{"demo", "[--no-serve] [--addr HOST:PORT]", "load the embedded demo corpus through the real pipeline, then serve the web UI", runDemo},
		{"serve", "[--addr HOST:PORT]", "run the web UI, the JSON API and the ingest scheduler", runServe},
		{"worker", "", "run the ingest scheduler only (fetch, extract, brief)", runWorker},
		{"ingest", "[--source ID]", "fetch every source once now, extract deals and rebuild briefings", runIngest},
		{"sources", "add|list|remove ...", "manage sources (feeds, pages, files)", runSources},
		{"import", "opml FILE", "add the feeds of an OPML file as sources", runImport},
		{"export", "opml", "write the sources as OPML to standard output", runExport},
		{"extract", "[FILE...]", "extract deals: JSON Lines on stdin (or text files) to JSON Lines on stdout", runExtract},
		{"eval", "GOLD.jsonl [--show-errors]", "score the extractor against a labelled set", runEval},
		{"fx", "import FILE | show", "manage the currency reference rates", runFX},
		{"pulses", "add|list|show|remove ...", "manage pulses (tracked topics)", runPulses},
		{"brief", "[PULSE] [--format text|md|html|json] [--since DATE]", "print a pulse's briefing", runBrief},
		{"entities", "list [QUERY] | alias ID NAME", "list companies and investors; teach the alias table another name", runEntities},
		{"tokens", "create NAME | list", "manage API tokens", runTokens},
		{"migrate", "", "create or upgrade the database schema", runMigrate},
		{"config", "", "print the configuration, secrets redacted", runConfig},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// run executes one command line and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		fmt.Fprintf(stderr, "pulse: configuration: %v\n", err)
		return 2
	}
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, cfg: cfg}
	c.log = newLogger(stderr, cfg)
	for _, cmd := range commands {
		if cmd.name != args[0] {
			continue
		}
		err := cmd.run(ctx, c, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "pulse %s: %v\nusage: pulse %s %s\n", cmd.name, err, cmd.name, cmd.args)
			return 2
		case errors.Is(err, context.Canceled):
			fmt.Fprintf(stderr, "pulse %s: interrupted\n", cmd.name)
			return 130
		default:
			fmt.Fprintf(stderr, "pulse %s: %s\n", cmd.name, errorText(err))
			return 1
		}
	}
	fmt.Fprintf(stderr, "pulse: unknown command %q (see pulse help)\n", args[0])
	return 2
}

// errUsage marks an error in the command line itself.
var errUsage = errors.New("bad usage")

// usageError returns an error that prints the command's usage line.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), errUsage)
}

// errorText shows application errors by their message and anything else in
// full: on a terminal the operator is the one who needs the details.
func errorText(err error) string {
	var e *pulse.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "pulse: funding and investment deals from the news, with living briefings.")
	fmt.Fprintln(w, "\nusage: pulse COMMAND [flags]\n\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --data DIR (default $PULSE_DATA, else ./pulse-data).")
	fmt.Fprintln(w, "Run 'pulse COMMAND -h' for a command's flags. Settings come from the environment:")
	fmt.Fprint(w, config.Help())
}

func newLogger(w io.Writer, cfg config.Config) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel)) // validated by config
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// flags returns a flag set for a command with the flags every command takes.
func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("pulse "+name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.StringVar(&c.cfg.DataDir, "data", c.cfg.DataDir, "data directory")
	return fs
}

// parse parses args, allowing flags after positional arguments
// ("pulse brief ai-funding-pulse --format md").
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func runConfig(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("config")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	c.cfg.Print(c.stdout)
	return nil
}
