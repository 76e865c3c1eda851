package main

import (
	"context"
	"errors"
)

func runExtract(ctx context.Context, c *cli, args []string) error {
	return errors.New("extract: not available in this build yet")
}

func runEval(ctx context.Context, c *cli, args []string) error {
	return errors.New("eval: not available in this build yet")
}

func runFX(ctx context.Context, c *cli, args []string) error {
	return errors.New("fx: not available in this build yet")
}
