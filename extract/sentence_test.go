package extract

import (
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	text := "Acme Inc. raises $5 million\n\nThe round was led by J. Smith of Foo Corp. in the U.S. market. Revenue grew 3.5%. Next one!\n  • Bullet deal here"
	want := []string{
		"Acme Inc. raises $5 million",
		"The round was led by J. Smith of Foo Corp. in the U.S. market.",
		"Revenue grew 3.5%.",
		"Next one!",
		"Bullet deal here",
	}
	got := Sentences(text)
	if len(got) != len(want) {
		var ss []string
		for _, s := range got {
			ss = append(ss, text[s.Start:s.End])
		}
		t.Fatalf("got %q", ss)
	}
	for i, s := range got {
		if text[s.Start:s.End] != want[i] {
			t.Errorf("%d: %q, want %q", i, text[s.Start:s.End], want[i])
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"A. B. C.", "x\n\ny", "Inc. raised $1.5bn. Then", "“Quote.” Next", "融资。完成", "•\n- "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Sentences(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %+v after %d in %q", sp, prev, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(s[sp.Start:sp.End]) {
				t.Fatalf("span %+v splits a rune in %q", sp, s)
			}
			prev = sp.End
		}
	})
}
