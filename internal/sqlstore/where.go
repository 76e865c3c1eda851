package sqlstore

import (
	"strings"

	"github.com/fundingpulse/pulse"
)

// Dialect is what the WHERE builders need to know of a database's SQL.
type Dialect interface {
	// Param is the placeholder of the nth parameter, counting from 1; it
	// may stand more than once in a statement.
	Param(n int) string
	// List is the parameter value In reads for vals, a []int64 or []string.
	List(vals any) any
	// In is the condition that expr equals a value of the list parameter p.
	In(expr, p string) string
	// Contains is the condition that the text parameter p occurs in expr.
	Contains(expr, p string) string
	// Match is the condition that the row of table, named alias in the
	// query, matches the search q; it adds its parameters through w.
	Match(w *Where, table, alias string, q *Query) string
}

// Where builds a conjunction of conditions with numbered parameters.
type Where struct {
	Args  []any // the parameters, in placeholder order
	d     Dialect
	conds []string
}

// NewWhere returns an empty condition in dialect d.
func NewWhere(d Dialect) *Where { return &Where{d: d} }

// Arg adds a parameter and returns its placeholder.
func (w *Where) Arg(v any) string {
	w.Args = append(w.Args, v)
	return w.d.Param(len(w.Args))
}

// List adds vals, a []int64 or []string, as one parameter for Dialect.In
// and returns its placeholder.
func (w *Where) List(vals any) string { return w.Arg(w.d.List(vals)) }

// Add adds a condition.
func (w *Where) Add(cond string) { w.conds = append(w.conds, cond) }

// SQL is " WHERE" and the conditions, or nothing when there are none.
func (w *Where) SQL() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// Page returns a LIMIT and OFFSET clause and the parameters of the whole
// statement with them; w stays as it is, for the count query.
func (w *Where) Page(limit, offset any) (string, []any) {
	args := append(w.Args[:len(w.Args):len(w.Args)], limit, offset)
	return " LIMIT " + w.d.Param(len(args)-1) + " OFFSET " + w.d.Param(len(args)), args
}

// SourceWhere is the condition of f over "sources s".
func SourceWhere(d Dialect, f pulse.SourceFilter) *Where {
	w := NewWhere(d)
	if f.ID != nil {
		w.Add("s.id = " + w.Arg(*f.ID))
	}
	if f.URL != nil {
		w.Add("s.url = " + w.Arg(*f.URL))
	}
	return w
}

// ArticleWhere is the condition of f over "articles a". Empty but non-nil
// IDs match nothing; the caller need not run the query then.
func ArticleWhere(d Dialect, f pulse.ArticleFilter) (*Where, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, pulse.Errorf(pulse.EINVALID, "negative limit or offset")
	}
	w := NewWhere(d)
	if f.IDs != nil {
		w.Add(d.In("a.id", w.List(f.IDs)))
	}
	if f.SourceID != nil {
		w.Add("coalesce(a.source_id, 0) = " + w.Arg(*f.SourceID))
	}
	if f.URL != nil {
		w.Add("a.url = " + w.Arg(*f.URL))
	}
	if !f.From.IsZero() {
		w.Add("a.published >= " + w.Arg(Bound(f.From)))
	}
	if !f.To.IsZero() {
		w.Add("a.published <= " + w.Arg(Bound(f.To)))
	}
	if f.NotExtracted {
		w.Add("a.extracted_at IS NULL")
	}
	if f.Query != "" {
		q, err := ParseQuery(f.Query)
		if err != nil {
			return nil, err
		}
		w.Add(d.Match(w, "articles", "a", q))
	}
	return w, nil
}

// DealWhere is the condition of f over "deals d"; the sort order is the
// caller's. Empty but non-nil IDs match nothing; the caller need not run
// the query then.
func DealWhere(d Dialect, f pulse.DealFilter) (*Where, error) {
	if f.Limit < 0 || f.Offset < 0 || f.AmountMin < 0 || f.AmountMax < 0 {
		return nil, pulse.Errorf(pulse.EINVALID, "negative limit, offset or amount")
	}
	w := NewWhere(d)
	if f.IDs != nil {
		w.Add(d.In("d.id", w.List(f.IDs)))
	}
	if !f.From.IsZero() {
		w.Add("d.date >= " + w.Arg(Bound(f.From)))
	}
	if !f.To.IsZero() {
		w.Add("d.date <= " + w.Arg(Bound(f.To)))
	}
	if len(f.Kinds) > 0 {
		w.Add(d.In("d.kind", w.List(strs(f.Kinds))))
	}
	if len(f.Rounds) > 0 {
		w.Add(d.In("d.round", w.List(strs(f.Rounds))))
	}
	if len(f.Sectors) > 0 {
		w.Add(d.In("d.sector", w.List(f.Sectors)))
	}
	if len(f.Regions) > 0 {
		vals := make([]string, len(f.Regions))
		for i, r := range f.Regions {
			vals[i] = Fold(r)
		}
		p := w.List(vals)
		w.Add("(" + d.In("lower(d.region)", p) + " OR " + d.In("lower(d.country)", p) + ")")
	}
	if f.AmountMin > 0 {
		w.Add("d.amount_usd >= " + w.Arg(f.AmountMin))
	}
	if f.AmountMax > 0 {
		w.Add("d.amount_usd <= " + w.Arg(f.AmountMax))
	}
	if s := Fold(strings.TrimSpace(f.Company)); s != "" {
		p := w.Arg(s)
		w.Add("(" + d.Contains("d.company_fold", p) + " OR d.company_id IN (SELECT entity_id FROM entity_names WHERE " +
			d.Contains("fold", p) + "))")
	}
	if f.CompanyID != 0 {
		w.Add("d.company_id = " + w.Arg(f.CompanyID))
	}
	if s := Fold(strings.TrimSpace(f.Investor)); s != "" {
		p := w.Arg(s)
		w.Add("d.id IN (SELECT deal_id FROM deal_parties WHERE " + d.Contains("fold", p) +
			" OR entity_id IN (SELECT entity_id FROM entity_names WHERE " + d.Contains("fold", p) + "))")
	}
	if f.InvestorID != 0 {
		w.Add("d.id IN (SELECT deal_id FROM deal_parties WHERE entity_id = " + w.Arg(f.InvestorID) + ")")
	}
	if f.ArticleID != 0 {
		w.Add("d.id IN (SELECT deal_id FROM mentions WHERE article_id = " + w.Arg(f.ArticleID) + ")")
	}
	if f.Query != "" {
		q, err := ParseQuery(f.Query)
		if err != nil {
			return nil, err
		}
		w.Add(d.Match(w, "deals", "d", q))
	}
	return w, nil
}

func strs[S ~string](vals []S) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}
