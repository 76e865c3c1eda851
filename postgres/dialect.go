package postgres

import (
	"strconv"

	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// dialect is PostgreSQL's SQL for the shared filter builders.
type dialect struct{}

func (dialect) Param(n int) string { return "$" + strconv.Itoa(n) }

// List passes a list as an array parameter.
func (dialect) List(vals any) any { return vals }

func (dialect) In(expr, p string) string { return expr + " = ANY(" + p + ")" }

func (dialect) Contains(expr, p string) string { return "strpos(" + expr + ", " + p + ") > 0" }

// Match tests q against the row's tsvector column, search.
func (dialect) Match(w *sqlstore.Where, _, alias string, q *sqlstore.Query) string {
	return alias + ".search @@ " + renderTS(q, w)
}
