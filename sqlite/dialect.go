package sqlite

import (
	"encoding/json"
	"strconv"

	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// dialect is SQLite's SQL for the shared filter builders.
type dialect struct{}

// Param numbers parameters (?1, ?2, …) so that one may stand twice.
func (dialect) Param(n int) string { return "?" + strconv.Itoa(n) }

// List encodes a list as one JSON array parameter, since SQLite limits the
// number of parameters of a statement.
func (dialect) List(vals any) any {
	b, _ := json.Marshal(vals) // slices of integers or strings always encode
	return string(b)
}

func (dialect) In(expr, p string) string {
	return expr + " IN (SELECT value FROM json_each(" + p + "))"
}

func (dialect) Contains(expr, p string) string { return "instr(" + expr + ", " + p + ") > 0" }

// Match looks q up in the table's FTS5 index, whose rowid is the row's id.
func (dialect) Match(w *sqlstore.Where, table, alias string, q *sqlstore.Query) string {
	fts := table + "_fts"
	return alias + ".id IN (SELECT rowid FROM " + fts + " WHERE " + fts + " MATCH " + w.Arg(renderFTS(q)) + ")"
}
