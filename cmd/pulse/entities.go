package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
)

// runEntities lists companies and investors with their names, and edits
// the alias table the pipeline learns from articles.
func runEntities(ctx context.Context, c *cli, args []string) error {
	if len(args) == 0 {
		return usageError("want list or alias")
	}
	sub, args := args[0], args[1:]
	fs := c.flags("entities " + sub)
	limit := 0
	if sub == "list" {
		fs.IntVar(&limit, "limit", 100, "at most this many entities")
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	switch sub {
	case "list":
		es, err := s.FindEntities(ctx, strings.Join(pos, " "), limit)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tALIASES")
		for _, e := range es {
			fmt.Fprintf(tw, "%d\t%s\t%s\n", e.ID, e.Name, strings.Join(e.Aliases, "; "))
		}
		return tw.Flush()
	case "alias":
		if len(pos) < 2 {
			return usageError("want: entities alias ID NAME")
		}
		id, err := strconv.ParseInt(pos[0], 10, 64)
		if err != nil {
			return usageError("%q is not an entity ID", pos[0])
		}
		name := strings.Join(pos[1:], " ")
		if err := s.AddAlias(ctx, id, name); err != nil {
			return err
		}
		e, err := s.FindEntityByID(ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s is now also known as: %s\n", e.Name, strings.Join(e.Aliases, "; "))
		return nil
	}
	return usageError("unknown subcommand %q", sub)
}
