package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// Input is one line of the JSON Lines the extract command reads.
type Input struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339
	URL       string `json:"url,omitempty"`
}

// Output is one line of the JSON Lines the extract command writes.
type Output struct {
	ID     string  `json:"id"`
	Events []Event `json:"events"`
}

// maxLine bounds one input line.
const maxLine = 16 << 20

// ParseDate reads "YYYY-MM-DD" or RFC 3339; "" is the zero time.
func ParseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("published %q is neither YYYY-MM-DD nor RFC 3339", s)
	}
	return t, nil
}

// Events extracts d and returns its deals in wire form.
func (e *Extractor) Events(ctx context.Context, d Document) ([]Event, error) {
	deals, err := e.Extract(ctx, d)
	if err != nil {
		return nil, err
	}
	evs := make([]Event, 0, len(deals))
	for _, dl := range deals {
		evs = append(evs, EventOf(dl))
	}
	return evs, nil
}

// ExtractJSONL reads Input lines from r and writes one Output line per
// valid input to w. A bad line is reported on errw with its line number and
// skipped; the count of bad lines is returned. The error is for I/O and
// cancellation only.
func (e *Extractor) ExtractJSONL(ctx context.Context, r io.Reader, w, errw io.Writer) (int, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	failed := 0
	for n := 1; ; n++ {
		line, err := readLine(br)
		if errors.Is(err, errLineTooLong) {
			fmt.Fprintf(errw, "line %d: longer than %d bytes\n", n, maxLine)
			failed++
			if errors.Is(err, io.EOF) {
				return failed, nil
			}
			continue
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if perr := e.oneLine(ctx, line, enc); perr != nil {
				if ctx.Err() != nil {
					return failed, ctx.Err()
				}
				fmt.Fprintf(errw, "line %d: %v\n", n, perr)
				failed++
			}
		}
		if errors.Is(err, io.EOF) {
			return failed, nil
		}
		if err != nil {
			return failed, fmt.Errorf("read input: %w", err)
		}
	}
}

// errLineTooLong marks an input line over maxLine.
var errLineTooLong = errors.New("line too long")

// readLine returns the next line; a line over maxLine is consumed and
// reported as errLineTooLong in place of its content.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > maxLine {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err == nil || errors.Is(err, io.EOF) {
				return nil, errors.Join(errLineTooLong, err)
			}
			return nil, err
		}
		line = append(line, chunk...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
}

func (e *Extractor) oneLine(ctx context.Context, line []byte, enc *json.Encoder) error {
	var in Input
	if err := json.Unmarshal(line, &in); err != nil {
		return fmt.Errorf("not a JSON object: %w", err)
	}
	if in.ID == "" {
		return errors.New(`missing "id"`)
	}
	pub, err := ParseDate(in.Published)
	if err != nil {
		return err
	}
	evs, err := e.Events(ctx, Document{ID: in.ID, Text: in.Text, Published: pub, URL: in.URL})
	if err != nil {
		return err
	}
	if err := enc.Encode(Output{ID: in.ID, Events: evs}); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}
