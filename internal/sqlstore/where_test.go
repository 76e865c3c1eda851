package sqlstore

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

// testDialect writes each dialect hook in a form a test can read.
type testDialect struct{}

func (testDialect) Param(n int) string             { return fmt.Sprintf(":%d", n) }
func (testDialect) List(vals any) any              { return fmt.Sprint(vals) }
func (testDialect) In(expr, p string) string       { return expr + " IN " + p }
func (testDialect) Contains(expr, p string) string { return "contains(" + expr + ", " + p + ")" }
func (testDialect) Match(w *Where, table, alias string, q *Query) string {
	return "match(" + table + ", " + alias + ", " + w.Arg(sexp(q)) + ")"
}

func TestDealWhere(t *testing.T) {
	w, err := DealWhere(testDialect{}, pulse.DealFilter{
		IDs:     []int64{1, 2},
		From:    time.Unix(0, 5),
		Kinds:   []pulse.DealKind{pulse.KindDebt},
		Regions: []string{"Europe"},
		Company: " Acme ",
		Query:   "chips -memory",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := " WHERE d.id IN :1 AND d.date >= :2 AND d.kind IN :3" +
		" AND (lower(d.region) IN :4 OR lower(d.country) IN :4)" +
		" AND (contains(d.company_fold, :5) OR d.company_id IN (SELECT entity_id FROM entity_names WHERE contains(fold, :5)))" +
		" AND match(deals, d, :6)"
	if got := w.SQL(); got != want {
		t.Errorf("SQL =\n%s\nwant\n%s", got, want)
	}
	wantArgs := []any{"[1 2]", int64(5), "[debt]", "[europe]", "acme", `(and "chips" (not "memory"))`}
	if !reflect.DeepEqual(w.Args, wantArgs) {
		t.Errorf("Args = %#v, want %#v", w.Args, wantArgs)
	}
	page, args := w.Page(10, 20)
	if page != " LIMIT :7 OFFSET :8" || len(args) != 8 || args[6] != 10 || args[7] != 20 || len(w.Args) != 6 {
		t.Errorf("Page = %q %v, leaving %v", page, args, w.Args)
	}
}

func TestWhereErrors(t *testing.T) {
	for _, f := range []pulse.DealFilter{{Limit: -1}, {Offset: -1}, {AmountMin: -1}, {Query: "-a"}} {
		if _, err := DealWhere(testDialect{}, f); pulse.ErrorCode(err) != pulse.EINVALID {
			t.Errorf("DealWhere(%+v) = %v, want EINVALID", f, err)
		}
	}
	for _, f := range []pulse.ArticleFilter{{Limit: -1}, {Query: "a)"}} {
		if _, err := ArticleWhere(testDialect{}, f); pulse.ErrorCode(err) != pulse.EINVALID {
			t.Errorf("ArticleWhere(%+v) = %v, want EINVALID", f, err)
		}
	}
}

func TestEmptyWhere(t *testing.T) {
	w, err := ArticleWhere(testDialect{}, pulse.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if w.SQL() != "" || len(w.Args) != 0 {
		t.Errorf("ArticleWhere(no filter) = %q %v", w.SQL(), w.Args)
	}
}
