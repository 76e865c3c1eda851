package main

import (
	"context"
	"errors"
)

func runDemo(ctx context.Context, c *cli, args []string) error {
	return errors.New("demo: not available in this build yet")
}
func runServe(ctx context.Context, c *cli, args []string) error {
	return errors.New("serve: not available in this build yet")
}
func runWorker(ctx context.Context, c *cli, args []string) error {
	return errors.New("worker: not available in this build yet")
}
func runIngest(ctx context.Context, c *cli, args []string) error {
	return errors.New("ingest: not available in this build yet")
}
func runSources(ctx context.Context, c *cli, args []string) error {
	return errors.New("sources: not available in this build yet")
}
func runImport(ctx context.Context, c *cli, args []string) error {
	return errors.New("import: not available in this build yet")
}
func runExport(ctx context.Context, c *cli, args []string) error {
	return errors.New("export: not available in this build yet")
}
func runMigrate(ctx context.Context, c *cli, args []string) error {
	return errors.New("migrate: not available in this build yet")
}
