package main

import (
	"context"
	"errors"
)

func runBrief(ctx context.Context, c *cli, args []string) error {
	return errors.New("brief: not available in this build yet")
}

func runPulses(ctx context.Context, c *cli, args []string) error {
	return errors.New("pulses: not available in this build yet")
}
