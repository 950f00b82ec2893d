package site

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// logCollector receives Hugo's log output. Hugo counts the errors it logs
// and then fails with a bare "logged N error(s)"; the collector keeps the
// messages so the returned error can say what went wrong, and passes
// warnings on to the caller's logger.
type logCollector struct {
	mu      sync.Mutex
	partial string   // an unterminated last line
	entry   logEntry // the entry being read; it may continue on the next line
	errs    []string // ERROR messages, in order
	logger  *slog.Logger
}

// logEntry is one of Hugo's log messages, which may span several lines.
type logEntry struct {
	level slog.Level
	text  string
}

func newLogCollector(logger *slog.Logger) *logCollector {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &logCollector{logger: logger}
}

// ansi matches the colour escapes Hugo adds when stderr is a terminal.
var ansi = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)

// levels are the prefixes Hugo starts a log entry with.
var levels = []struct {
	prefix string
	level  slog.Level
}{{"ERROR ", slog.LevelError}, {"WARN ", slog.LevelWarn}, {"INFO ", slog.LevelInfo}}

// Write implements io.Writer; Hugo writes whole entries, one or more lines.
func (c *logCollector) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	text := c.partial + ansi.ReplaceAllString(string(p), "")
	lines := strings.Split(text, "\n")
	c.partial = lines[len(lines)-1]
	for _, line := range lines[:len(lines)-1] {
		c.line(line)
	}
	return len(p), nil
}

func (c *logCollector) line(line string) {
	line = strings.TrimSpace(line)
	if line == "" {
		return
	}
	for _, l := range levels {
		if rest, ok := strings.CutPrefix(line, l.prefix); ok {
			c.flush()
			c.entry = logEntry{level: l.level, text: rest}
			return
		}
	}
	if c.entry.text == "" {
		c.entry = logEntry{level: slog.LevelInfo, text: line}
		return
	}
	c.entry.text += " " + line
}

// flush hands the entry read so far to the caller's logger, keeping errors
// for the build's error message.
func (c *logCollector) flush() {
	e := c.entry
	c.entry = logEntry{}
	switch {
	case e.text == "":
	case e.level == slog.LevelError:
		c.errs = append(c.errs, e.text)
	default:
		c.logger.Log(context.Background(), e.level, "hugo: "+e.text)
	}
}

// finish passes on what is pending and returns the logged error messages.
func (c *logCollector) finish() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.partial != "" {
		c.line(c.partial)
		c.partial = ""
	}
	c.flush()
	return append([]string(nil), c.errs...)
}

// explain turns Hugo's build error into one line that names the failing
// file relative to the project folder dir: the first logged error when
// Hugo only counted them, else Hugo's own error.
func (c *logCollector) explain(err error, dir string) error {
	logged := c.finish()
	msg := err.Error()
	if strings.HasPrefix(msg, "logged ") && len(logged) > 0 {
		msg = logged[0]
		if n := len(logged); n > 1 {
			msg += fmt.Sprintf(" (and %d more error(s))", n-1)
		}
	}
	return &buildError{msg: tidyMessage(msg, dir), err: err}
}

var (
	// hugoPhase matches what Hugo stacks on an error as it travels up
	// through its build phases; none of it helps a site author.
	hugoPhase = regexp.MustCompile(`^(\[[^\]]*\] |(process|assemble|render|renderDeferred|postProcess|failed to render pages|failed to load config|failed to create config|failed to init config): )`)
	// templateFailure is Hugo's report of a template that failed on a page.
	templateFailure = regexp.MustCompile(`^render of "([^"]+)" failed: "([^"]+)": execute of template failed: template: \S+: (.*)$`)
	// securityDump is the whole security policy Hugo appends to an
	// access-denied error; the policy name before it is enough.
	securityDump = regexp.MustCompile(`; the current security configuration is:.*$`)
)

// tidyMessage makes msg one short line: project paths relative, Hugo's
// phase prefixes dropped, a template failure led by the template's file.
func tidyMessage(msg, dir string) string {
	msg = strings.Join(strings.Fields(msg), " ")
	msg = strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
	msg = securityDump.ReplaceAllString(msg, "")
	for {
		trimmed := hugoPhase.ReplaceAllString(msg, "")
		if trimmed == msg {
			break
		}
		msg = trimmed
	}
	return templateFailure.ReplaceAllString(msg, "$2: $3 (rendering $1)")
}

// buildError is a failed Hugo build: msg is the tidied line for people,
// err Hugo's own error for errors.Is/As.
type buildError struct {
	msg string
	err error
}

func (e *buildError) Error() string { return "hugo: " + e.msg }
func (e *buildError) Unwrap() error { return e.err }
