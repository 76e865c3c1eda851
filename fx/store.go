package fx

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// FileName is the file in the data directory that holds imported rates, in
// the ECB layout.
const FileName = "fx-rates.csv"

// Open returns the embedded rates merged with DATA/fx-rates.csv when that
// file exists; imported rates win where both have one.
func Open(dataDir string) (*Table, error) {
	imported, err := readImported(dataDir)
	if err != nil {
		return nil, err
	}
	if imported == nil {
		return Default(), nil
	}
	return Default().Merge(imported), nil
}

// readImported returns the table in DATA/fx-rates.csv, or nil if there is none.
func readImported(dataDir string) (*Table, error) {
	path := filepath.Join(dataDir, FileName)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("open fx rates: %w", err)
	}
	defer f.Close()
	t, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// Import validates the ECB-layout table in r and merges it into
// DATA/fx-rates.csv, replacing the file atomically, so a bad table changes
// nothing. It returns how many (date, currency) rates were new or changed.
func Import(dataDir string, r io.Reader) (added int, err error) {
	in, err := Load(r)
	if err != nil {
		return 0, err
	}
	old, err := readImported(dataDir)
	if err != nil {
		return 0, err
	}
	merged := in
	if old != nil {
		merged = old.Merge(in)
	}
	for d, row := range in.rows {
		for cur, v := range row {
			if old == nil || old.rows[d][cur] != v {
				added++
			}
		}
	}
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return 0, fmt.Errorf("create data directory: %w", err)
	}
	if err := writeAtomic(filepath.Join(dataDir, FileName), merged); err != nil {
		return 0, err
	}
	return added, nil
}

// writeAtomic writes t to a temporary file beside path and renames it over
// path, so readers see the old table or the new one, never half of either.
func writeAtomic(path string, t *Table) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".fx-rates-*.csv")
	if err != nil {
		return fmt.Errorf("create fx rates file: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriter(tmp)
	if err := t.writeCSV(w); err != nil {
		return fmt.Errorf("write fx rates: %w", err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write fx rates: %w", err)
	}
	// CreateTemp makes the file private; the table is not a secret and other
	// processes of the service read it.
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("set fx rates file mode: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("sync fx rates: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close fx rates: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace fx rates: %w", err)
	}
	return nil
}

// writeCSV writes the published rates in the ECB layout, newest date first,
// with the trailing empty column and "N/A" cells the ECB file has.
func (t *Table) writeCSV(w io.Writer) error {
	curs := map[string]bool{}
	days := make([]day, 0, len(t.rows))
	for d, row := range t.rows {
		days = append(days, d)
		for cur := range row {
			curs[cur] = true
		}
	}
	slices.SortFunc(days, func(a, b day) int { return int(b) - int(a) })
	cols := make([]string, 0, len(curs))
	for cur := range curs {
		if cur != "USD" {
			cols = append(cols, cur)
		}
	}
	slices.Sort(cols)
	cols = append([]string{"USD"}, cols...)

	buf := []byte("Date")
	for _, c := range cols {
		buf = append(buf, ',')
		buf = append(buf, c...)
	}
	buf = append(buf, ",\n"...)
	if _, err := w.Write(buf); err != nil {
		return err
	}
	for _, d := range days {
		buf = d.time().AppendFormat(buf[:0], "2006-01-02")
		for _, c := range cols {
			buf = append(buf, ',')
			if v, ok := t.rows[d][c]; ok {
				buf = strconv.AppendFloat(buf, v, 'f', -1, 64)
			} else {
				buf = append(buf, "N/A"...)
			}
		}
		buf = append(buf, ",\n"...)
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}
