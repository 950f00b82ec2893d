package site

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func TestLogCollector(t *testing.T) {
	for _, tc := range []struct {
		name       string
		writes     []string
		wantErrs   []string
		wantLogged string // the slog text output, levels and messages only
	}{
		{"error then warning with continuation",
			[]string{"ERROR boom\n", "WARN Raw HTML omitted\nYou can suppress this\n"},
			[]string{"boom"}, "level=WARN msg=\"hugo: Raw HTML omitted You can suppress this\"\n"},
		{"colours and split writes",
			[]string{"\x1b[31mERROR\x1b[0m first ", "half\nsecond line\n", "ERROR other"},
			[]string{"first half second line", "other"}, ""},
		{"info lines",
			[]string{"INFO build: done\n"},
			nil, "level=INFO msg=\"hugo: build: done\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{
				Level: slog.LevelInfo,
				ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
					if a.Key == slog.TimeKey {
						return slog.Attr{}
					}
					return a
				},
			}))
			c := newLogCollector(logger)
			for _, w := range tc.writes {
				if _, err := c.Write([]byte(w)); err != nil {
					t.Fatal(err)
				}
			}
			errs := c.finish()
			if strings.Join(errs, "|") != strings.Join(tc.wantErrs, "|") {
				t.Errorf("errors = %q, want %q", errs, tc.wantErrs)
			}
			if out.String() != tc.wantLogged {
				t.Errorf("logged %q, want %q", out.String(), tc.wantLogged)
			}
		})
	}
}

func TestExplain(t *testing.T) {
	const dir = "/proj"
	for _, tc := range []struct {
		name, logged, err, want string
	}{
		{"counted errors give the first logged one",
			"ERROR first\nERROR second\n", "logged 2 error(s)",
			"hugo: first (and 1 more error(s))"},
		{"template failure leads with the template",
			"", `[en v1.0.0 guest] failed to render pages: render of "/proj/content/a.md" failed: "/proj/layouts/single.html:2:15": execute of template failed: template: single.html:2:15: executing "main" at <.X>: nope`,
			`hugo: layouts/single.html:2:15: executing "main" at <.X>: nope (rendering content/a.md)`},
		{"security dump dropped",
			"", `render: access denied: "HOME" is not whitelisted in policy "security.funcs.getenv"; the current security configuration is: [security] a = 1`,
			`hugo: access denied: "HOME" is not whitelisted in policy "security.funcs.getenv"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newLogCollector(nil)
			c.Write([]byte(tc.logged))
			hugoErr := errors.New(tc.err)
			err := c.explain(hugoErr, dir)
			if err.Error() != tc.want {
				t.Errorf("explain = %q\nwant      %q", err, tc.want)
			}
			if !errors.Is(err, hugoErr) {
				t.Error("explain lost Hugo's error")
			}
		})
	}
}
