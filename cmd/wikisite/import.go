package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/wikisite/wikisite/sync/archive"
	"github.com/wikisite/wikisite/sync/dumpimport"
)

const importSynopsis = "import [--config FILE] [--archive DIR] FILE.xml\n\n" +
	"Loads a MediaWiki XML export (Special:Export, schema 0.10 or 0.11) into the\n" +
	"archive, keeping its revision ids, timestamps, users and comments. Revisions\n" +
	"the archive already holds are skipped. All or nothing: on any error the\n" +
	"archive is left exactly as it was."

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c common
	fs := newFlagSet("import", importSynopsis, stderr, &c, false)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return errUsage{msg: "import: name exactly one XML dump file"}
	}
	if _, _, err := c.load(); err != nil {
		return err
	}
	store, err := archive.Open(c.archivePath)
	if err != nil {
		return err
	}
	sum, err := importFile(ctx, store, files[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %d pages: %d revisions (%d new)\n", sum.Pages, sum.Revisions, sum.Added)
	return nil
}

// parseInterspersed parses flags placed before or after the file names, as
// in `wikisite import dump.xml --archive DIR`.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var names []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return names, nil
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// importFile loads the dump at path into store; hints tell the user what
// to do about the errors they can act on.
func importFile(ctx context.Context, store *archive.Store, path string) (dumpimport.Summary, error) {
	f, err := os.Open(path)
	if err != nil {
		return dumpimport.Summary{}, withHint(fmt.Errorf("import: %w", err), "name an XML file written by Special:Export")
	}
	defer f.Close()
	sum, err := dumpimport.Import(ctx, store, f)
	switch {
	case errors.Is(err, archive.ErrLocked):
		return sum, withHint(err, "wait for the other wikisite command to finish, then run the import again")
	case errors.Is(err, dumpimport.ErrConflict):
		return sum, withHint(fmt.Errorf("import %s: %w", path, err),
			"a revision id names one text forever: is the dump from another wiki?", "nothing was imported: the archive is unchanged")
	case err != nil:
		return sum, withHint(fmt.Errorf("import %s: %w", path, err), "nothing was imported: the archive is unchanged")
	}
	return sum, nil
}
