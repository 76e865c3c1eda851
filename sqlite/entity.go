package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// ResolveEntity returns the entity named like name, creating it if needed.
func (db *DB) ResolveEntity(ctx context.Context, name string) (*pulse.Entity, error) {
	var e *pulse.Entity
	err := db.write(ctx, func(tx *sql.Tx) error {
		id, err := db.resolveEntity(ctx, tx, name)
		if err != nil {
			return err
		}
		e, err = findEntity(ctx, tx, id)
		return err
	})
	return e, err
}

// resolveEntity returns the ID of the entity that name normalises to,
// creating the entity and its first alias if there is none.
func (db *DB) resolveEntity(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	name = strings.TrimSpace(name)
	norm := pulse.NormalizeName(name)
	if norm == "" {
		return 0, pulse.Errorf(pulse.EINVALID, "an entity needs a name")
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT entity_id FROM entity_names WHERE norm = ?`, norm).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, dbErr("resolve entity", err)
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO entities (name, created_at) VALUES (?, ?) RETURNING id`,
		name, db.now().UnixNano()).Scan(&id); err != nil {
		return 0, dbErr("create entity", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO entity_names (norm, name, fold, entity_id) VALUES (?, ?, ?, ?)`,
		norm, name, sqlstore.Fold(name), id); err != nil {
		return 0, dbErr("create entity name", err)
	}
	return id, nil
}

func findEntity(ctx context.Context, q interface {
	querier
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}, id int64) (*pulse.Entity, error) {
	e := &pulse.Entity{ID: id, Aliases: []string{}}
	err := q.QueryRowContext(ctx, `SELECT name FROM entities WHERE id = ?`, id).Scan(&e.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pulse.Errorf(pulse.ENOTFOUND, "entity %d not found", id)
	}
	if err != nil {
		return nil, dbErr("find entity", err)
	}
	names, err := entityNames(ctx, q, []int64{id})
	if err != nil {
		return nil, err
	}
	e.Aliases = sqlstore.AliasesOf(e.Name, names[id])
	return e, nil
}

// entityNames returns every alias spelling of the given entities, by name.
func entityNames(ctx context.Context, q querier, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	err := queryEach(ctx, q, sqlstore.ScanEntityName(out), `SELECT entity_id, name FROM entity_names
		WHERE entity_id IN `+inJSON+` ORDER BY name`, dialect{}.List(ids))
	if err != nil {
		return nil, dbErr("find entity names", err)
	}
	return out, nil
}

// FindEntityByID returns one entity; ENOTFOUND if absent.
func (db *DB) FindEntityByID(ctx context.Context, id int64) (*pulse.Entity, error) {
	var e *pulse.Entity
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = findEntity(ctx, tx, id)
		return err
	})
	return e, err
}

// FindEntities returns entities one of whose names contains query, by name.
func (db *DB) FindEntities(ctx context.Context, query string, limit int) ([]*pulse.Entity, error) {
	if limit < 0 {
		return nil, pulse.Errorf(pulse.EINVALID, "negative limit")
	}
	var out []*pulse.Entity
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryAll(ctx, tx, sqlstore.ScanEntity, `SELECT e.id, e.name FROM entities e
			WHERE ?1 = '' OR instr(lower(e.name), ?1) > 0
				OR EXISTS (SELECT 1 FROM entity_names n WHERE n.entity_id = e.id AND instr(n.fold, ?1) > 0)
			ORDER BY e.name, e.id LIMIT ?2`, sqlstore.Fold(strings.TrimSpace(query)), limitArg(limit))
		if err != nil {
			return dbErr("find entities", err)
		}
		names, err := entityNames(ctx, tx, sqlstore.EntityIDs(out))
		if err != nil {
			return err
		}
		sqlstore.SetEntityAliases(out, names)
		return nil
	})
	return out, err
}

// AddAlias makes alias another name of entityID, merging the entity it
// already names, if any, into entityID.
func (db *DB) AddAlias(ctx context.Context, entityID int64, alias string) error {
	alias = strings.TrimSpace(alias)
	norm := pulse.NormalizeName(alias)
	if norm == "" {
		return pulse.Errorf(pulse.EINVALID, "an alias needs a name")
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM entities WHERE id = ?`, entityID).Scan(&n); err != nil {
			return dbErr("find entity", err)
		}
		if n == 0 {
			return pulse.Errorf(pulse.ENOTFOUND, "entity %d not found", entityID)
		}
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT entity_id FROM entity_names WHERE norm = ?`, norm).Scan(&other)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = tx.ExecContext(ctx, `INSERT INTO entity_names (norm, name, fold, entity_id) VALUES (?, ?, ?, ?)`,
				norm, alias, sqlstore.Fold(alias), entityID)
			return dbErr("add alias", err)
		case err != nil:
			return dbErr("find alias", err)
		case other == entityID:
			return nil
		}
		return mergeEntity(ctx, tx, other, entityID)
	})
}

// mergeEntity moves every name and deal reference of from to into, then
// deletes from.
func mergeEntity(ctx context.Context, tx *sql.Tx, from, into int64) error {
	for _, q := range []string{
		`UPDATE entity_names SET entity_id = ?2 WHERE entity_id = ?1`,
		`UPDATE deals SET company_id = ?2 WHERE company_id = ?1`,
		`UPDATE deal_parties SET entity_id = ?2 WHERE entity_id = ?1`,
		`DELETE FROM entities WHERE id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, from, into); err != nil {
			return dbErr("merge entities", err)
		}
	}
	return nil
}
