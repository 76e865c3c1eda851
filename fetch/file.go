package fetch

import (
	"errors"
	"fmt"
	"os"

	"github.com/fundingpulse/pulse"
)

// ReadFile reads a file source with the same size cap as a fetch; errors are
// *Error (FetchErrTooLarge over max, FetchErrOther otherwise).
func ReadFile(path string, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Kind: pulse.FetchErrOther, Err: fmt.Errorf("open file: %w", err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{Kind: pulse.FetchErrOther, Err: fmt.Errorf("stat file: %w", err)}
	}
	if st.IsDir() {
		return nil, &Error{Kind: pulse.FetchErrOther, Err: fmt.Errorf("%s: %w", path, errors.New("is a directory"))}
	}
	if st.Mode().IsRegular() && st.Size() > max {
		return nil, &Error{Kind: pulse.FetchErrTooLarge, Err: fmt.Errorf("%s is %d bytes: %w", path, st.Size(), errTooLarge)}
	}
	// Size is checked again while reading: the file may grow, or be a pipe.
	body, err := readCapped(f, max)
	if err != nil && Kind(err) != pulse.FetchErrTooLarge {
		return nil, &Error{Kind: pulse.FetchErrOther, Err: fmt.Errorf("read file: %w", errors.Unwrap(err))}
	}
	return body, err
}
