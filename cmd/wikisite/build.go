package main

import (
	"context"
	"errors"
	"io"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("build: not built yet")
}
