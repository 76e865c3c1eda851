package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/fx"
)

// maxFXFile bounds what "pulse fx import" reads; the ECB's whole history is
// under 2 MB.
const maxFXFile = 64 << 20

func runFX(ctx context.Context, c *cli, args []string) error {
	if len(args) == 0 {
		return usageError("missing subcommand: import or show")
	}
	switch args[0] {
	case "import":
		return runFXImport(ctx, c, args[1:])
	case "show":
		return runFXShow(ctx, c, args[1:])
	default:
		return usageError("unknown subcommand %q: want import or show", args[0])
	}
}

// runFXImport validates a table in the ECB eurofxref-hist.csv layout and
// merges it into the data directory's rates.
func runFXImport(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("fx import")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: pulse fx import FILE|-   (a table in the ECB eurofxref-hist.csv layout)")
		fs.PrintDefaults()
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("import takes one FILE (or - for standard input)")
	}
	data, err := readFXFile(c, pos[0])
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	tab, err := fx.Load(bytes.NewReader(data))
	if err != nil {
		return err
	}
	added, err := fx.Import(c.cfg.DataDir, bytes.NewReader(data))
	if err != nil {
		return err
	}
	first, last := tab.Span()
	fmt.Fprintf(c.stdout, "%s: %d dates from %s to %s, %d currencies\n",
		pos[0], tab.Dates(), first.Format(time.DateOnly), last.Format(time.DateOnly), len(tab.Currencies()))
	fmt.Fprintf(c.stdout, "%d rates new or changed in %s\n", added, filepath.Join(c.cfg.DataDir, fx.FileName))
	return nil
}

func readFXFile(c *cli, name string) ([]byte, error) {
	var r io.Reader = c.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, pulse.Errorf(pulse.EINVALID, "cannot open %s: %v", name, err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxFXFile+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > maxFXFile {
		return nil, pulse.Errorf(pulse.EINVALID, "%s is larger than %d MB, which no rate table is", name, maxFXFile>>20)
	}
	return data, nil
}

// runFXShow prints the rates a conversion on a date would use.
func runFXShow(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("fx show")
	on := fs.String("date", "", "the date to convert on, YYYY-MM-DD (default today)")
	fs.Usage = func() {
		fmt.Fprintln(c.stderr, "usage: pulse fx show [--date YYYY-MM-DD] [CUR...]")
		fs.PrintDefaults()
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	day := time.Now()
	if *on != "" {
		if day, err = time.Parse(time.DateOnly, *on); err != nil {
			return usageError("--date %q is not YYYY-MM-DD", *on)
		}
	}
	tab, err := fx.Open(c.cfg.DataDir)
	if err != nil {
		return err
	}
	curs := pos
	if len(curs) == 0 {
		curs = tab.Currencies()
	}

	fmt.Fprintf(c.stdout, "rates for %s (ECB reference rates; a missing day uses the latest earlier publication)\n", day.Format(time.DateOnly))
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CURRENCY\tPER USD\tUSD PER UNIT\tPUBLISHED")
	var unknown []string
	for _, cur := range curs {
		cur = strings.ToUpper(cur)
		rate, used, ok := tab.Rate(cur, day)
		if !ok {
			unknown = append(unknown, cur)
			continue
		}
		published := used.Format(time.DateOnly)
		if cur == "USD" {
			published = "-"
		}
		fmt.Fprintf(tw, "%s\t%.6g\t%.6g\t%s\n", cur, rate, 1/rate, published)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write rates: %w", err)
	}
	if len(unknown) > 0 {
		return pulse.Errorf(pulse.ENOTFOUND, "no rate for %s (pulse fx import adds rates)", strings.Join(unknown, ", "))
	}
	return ctx.Err()
}
