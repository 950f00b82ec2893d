package pagename

import "testing"

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Server/Personas", "Server/Personas"},
		{"server/Personas", "Server/Personas"},
		{"Server_Personas", "Server Personas"},
		{"  a   b\tc ", "A b c"},
		{"template:admon/note", "Template:Admon/note"},
		{"Template : admon", "Template:Admon"},
		{"module:x", "Module:X"},
		{"special:Export", "Special:Export"},
		{"foo:bar", "Foo:bar"}, // not a namespace: only the first letter
		{"ǆungla", "Ǆungla"},   // upper case, as MediaWiki's mb_strtoupper
		{"élan", "Élan"},
		{"1st", "1st"},
		{"", ""},
		{"\xff", "\xff"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Canonical(tt.in); got != tt.want {
				t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Canonical(Canonical(tt.in)); again != Canonical(tt.in) {
				t.Errorf("Canonical is not idempotent on %q: %q", tt.in, again)
			}
		})
	}
}

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"a_b", "template:x", " Talk : y ", "ǆ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Canonical(s)
		if Canonical(c) != c {
			t.Fatalf("Canonical(%q) = %q is not a fixed point: %q", s, c, Canonical(c))
		}
	})
}
