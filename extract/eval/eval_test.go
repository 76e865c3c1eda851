package eval

import (
	"bytes"
	"strings"
	"testing"
)

func TestNorm(t *testing.T) {
	tests := map[string]string{
		"Acme Labs Inc.":            "acme",
		"The Rise Fund":             "rise fund",
		"Bar & Co":                  "bar and",
		"O'Brien's Bakery":          "o brien bakery",
		"Nvidia’s":                  "nvidia",
		"Möbelfirst GmbH":           "möbelfirst",
		"Inc.":                      "inc",
		"---":                       "",
		"BNP Paribas Développement": "bnp paribas développement",
		"智驾科技":                      "",
	}
	for in, want := range tests {
		if got := norm(in); got != want {
			t.Errorf("norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPythonFormatting(t *testing.T) {
	for f, want := range map[float64]string{0: "0.0", 1: "1.0", 0.8571: "0.8571", 1e16: "1e+16", 12300000: "12300000.0", 0.00001: "1e-05"} {
		if got := pyFloat(f); got != want {
			t.Errorf("pyFloat(%v) = %q, want %q", f, got, want)
		}
	}
	for in, want := range map[string]string{"Acme": "'Acme'", "O'Brien": `"O'Brien"`, "a\nb": `'a\nb'`, "Möbel": "'Möbel'"} {
		if got := pyRepr(in); got != want {
			t.Errorf("pyRepr(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestScoreSmall(t *testing.T) {
	gold, err := Load(strings.NewReader(`{"id":"1","events":[{"company":"Acme","amount":10,"currency":"USD","kind":"funding_round","round":"seed","investors":["X"]}]}
{"id":"2","events":[]}`), "gold")
	if err != nil {
		t.Fatal(err)
	}
	pred, err := Load(strings.NewReader(`{"id":"1","events":[{"company":"Acme Inc","amount":10.05,"currency":"usd","kind":"funding_round","round":"seed","investors":["X","Y"]}]}`), "pred")
	if err != nil {
		t.Fatal(err)
	}
	res, _ := Score(gold, pred, false)
	if res.Matched != 1 || res.F1 != 1 || res.CasesWithoutPrediction != 1 || res.InvestorPrecision != 0.5 || res.NegativeCases != 1 {
		t.Fatalf("got %+v", res)
	}
	var b bytes.Buffer
	res.WriteText(&b, nil)
	if !strings.HasSuffix(b.String(), "F1 1.0000\n") {
		t.Errorf("text output ends %q", b.String())
	}
	if _, err := Load(strings.NewReader(`{"x":1}`), "bad"); err == nil {
		t.Error("want error for a line without id")
	}
}
