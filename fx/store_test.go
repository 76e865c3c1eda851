package fx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestOpenWithoutImportsIsDefault(t *testing.T) {
	tab, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if tab != Default() {
		t.Error("Open on an empty data directory should return the embedded table")
	}
}

func TestImport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data") // created by Import
	added, err := Import(dir, strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if added != 5 { // 2031-01-03: USD, JPY; 2031-01-02: USD, JPY, XAA
		t.Errorf("added = %d, want 5", added)
	}
	tab, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := tab.ToUSD(300, "JPY", date("2031-01-04")); !ok || got != 3 {
		t.Errorf("imported JPY: %v, %v", got, ok)
	}
	if _, ok := tab.ToUSD(1, "CHF", date("2025-01-02")); !ok {
		t.Error("embedded rates lost after import")
	}

	// A second import adds a date and corrects one rate; the rest stays.
	added, err = Import(dir, strings.NewReader("Date,USD,JPY\n2031-01-06,1.5,165\n2031-01-03,1.5,150\n2031-01-02,1.25,130\n"))
	if err != nil {
		t.Fatal(err)
	}
	if added != 3 { // 2031-01-06 USD and JPY, 2031-01-02 JPY
		t.Errorf("second import added = %d, want 3", added)
	}
	tab, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, _, _ := tab.Rate("JPY", date("2031-01-02")); got != 104 {
		t.Errorf("corrected JPY = %v, want 104", got)
	}
	if got, _, _ := tab.Rate("XAA", date("2031-01-06")); got != 2/1.25 {
		t.Errorf("XAA from the first import = %v", got)
	}
	if _, used, _ := tab.Rate("EUR", date("2031-01-07")); used.Format(time.DateOnly) != "2031-01-06" {
		t.Errorf("latest date used = %v", used)
	}
	assertNoTemp(t, dir)
}

func TestImportBadFileChangesNothing(t *testing.T) {
	dir := t.TempDir()
	if _, err := Import(dir, strings.NewReader(sample)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := []string{
		"",
		"not,a,rate,table\n",
		"Date,USD,JPY\n2031-02-01,1.2,130\n2031-02-02,1.2,oops\n",
		"Date,USD,JPY\n2031-02-01,1.2,130\n2031-02-01,1.2,131\n",
		"Date,USD\n2031-02-01,1.2\n\"unterminated\n",
	}
	for _, in := range bad {
		if _, err := Import(dir, strings.NewReader(in)); err == nil {
			t.Errorf("Import(%q) succeeded", in)
		}
		after, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(before, after) {
			t.Fatalf("Import(%q) changed %s", in, FileName)
		}
	}
	assertNoTemp(t, dir)
}

func TestImportIntoEmptyDirWithBadFileCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	if _, err := Import(dir, strings.NewReader("Date,JPY\n2031-02-01,130\n")); err == nil {
		t.Fatal("table without USD was accepted")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("data directory has %d entries after a failed import", len(entries))
	}
}

func TestOpenReportsCorruptFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("Date,USD\nyesterday,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir)
	if err == nil || !strings.Contains(err.Error(), FileName) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("Open = %v, want an error naming the file and line", err)
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != FileName {
			t.Errorf("unexpected file %s left in the data directory", e.Name())
		}
	}
}
