// Package sqlstore holds what the two SQL stores, sqlite and postgres, share
// beyond their SQL: the search query parser, whose tree each store renders
// in its own full-text syntax.
package sqlstore
