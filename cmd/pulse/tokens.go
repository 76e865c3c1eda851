package main

import (
	"context"
	"errors"
)

func runTokens(ctx context.Context, c *cli, args []string) error {
	return errors.New("tokens: not available in this build yet")
}
